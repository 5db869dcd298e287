/// feedwatch's version: what `feedwatch --version` prints and what the User-Agent announces,
/// so a server operator who reads our requests in a log knows exactly which release sent them.
/// Here, in the fetching module, because the User-Agent is built here.
public enum FeedwatchVersion {
    public static let string = "0.1.0"
}
