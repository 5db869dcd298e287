import FeedModel
import FeedParsing
import Fetching
import Store
import Watching

/// One poll of one feed: fetch (conditionally), parse, find new entries, raise alerts, and
/// store it all at once. Every failure is caught, recorded against the feed and returned:
/// one bad feed never stops the others.
public struct FeedPoller: Sendable {
    public let fetcher: Fetcher
    public let ledger: Ledger
    public var factory: AlertFactory
    public var backfill: Backfill
    public var limits: FetchLimits
    /// Factories for feeds limited to some watch lists (`watchlists:`), by `scopeKey`.
    public var scopedFactories: [String: AlertFactory] = [:]
    /// Counters and timers (docs/metrics.md); no-ops unless `metrics:` is configured.
    public var metrics: FeedwatchMetrics = .off
    let parser = FeedParser()

    /// The key of a feed's watch-list choice in `scopedFactories`: the names, sorted, one a line.
    public static func scopeKey(_ names: [String]) -> String { Set(names).sorted().joined(separator: "\n") }

    /// The factory whose watches apply to this feed.
    func factory(for feed: FeedConfig) -> AlertFactory {
        guard let names = feed.watchlists else { return factory }
        // A scope the runtime did not prepare (a caller building the poller by hand) gets no watches
        // rather than all of them: the user asked for fewer alerts.
        return scopedFactories[Self.scopeKey(names)] ?? AlertFactory(matcher: WatchMatcher(watches: []))
    }

    /// Which entries of a feed's first fetch may raise alerts.
    public enum Backfill: Sendable, Equatable {
        /// Every entry: for demos and replaying archives.
        case all
        /// Entries dated within this many seconds; undated and far-future ones stay quiet;
        /// 0 (`backfill: none`) lets none through.
        case seconds(Int)
    }

    public init(fetcher: Fetcher, ledger: Ledger, factory: AlertFactory, backfill: Backfill, limits: FetchLimits = FetchLimits()) {
        self.fetcher = fetcher
        self.ledger = ledger
        self.factory = factory
        self.backfill = backfill
        self.limits = limits
    }

    /// - Parameter known: the feed's stored state when the caller already read it (a cycle reads
    ///   every feed's state in one query); nil reads it here.
    public func poll(_ feed: FeedConfig, known: FeedState?? = nil, now: @Sendable () -> Timestamp = { .now }) async -> PollResult {
        do {
            return try await pollThrowing(feed, known: known, now: now)
        } catch FetchError.cancelled {
            // Shutdown, not the feed: recording it as a failure would show the feed as failing
            // and lengthen its backoff. Every transfer of a cut cycle ends here.
            return PollResult(feedURL: feed.url, status: .cancelled)
        } catch is CancellationError {
            return PollResult(feedURL: feed.url, status: .cancelled)
        } catch let error as FetchError {
            var result = await fail(feed, error.description, now: now())
            switch error {
            case .httpStatus(410):
                let reason = "the server answered 410 Gone on \(now().rfc3339); remove the feed from the config"
                try? await ledger.setFeedAttributes(feed.url, httpStatus: 410, disabled: reason)
                result.status = .disabled(reason)
            case let .httpStatus(status):
                try? await ledger.setFeedAttributes(feed.url, httpStatus: status)
            case let .throttled(status, retryAfter, from):
                try? await ledger.setFeedAttributes(feed.url, httpStatus: status)
                result.retryAfterSeconds = retryAfter.flatMap { RetryAfter.seconds($0, now: now()) }
                result.throttled = true
                result.throttledBy = from
            default:
                break
            }
            return result
        } catch let error as StoreError {
            return PollResult(feedURL: feed.url, status: .failed(error.description))
        } catch {
            return await fail(feed, "\(error)", now: now())
        }
    }

    private func fail(_ feed: FeedConfig, _ message: String, now: Timestamp) async -> PollResult {
        let count = (try? await ledger.recordFailure(feed.url, message: message, now: now)) ?? 1
        var result = PollResult(feedURL: feed.url, status: .failed(message))
        result.errorCount = count
        return result
    }

    private func pollThrowing(_ feed: FeedConfig, known: FeedState??, now: @Sendable () -> Timestamp) async throws -> PollResult {
        let state: FeedState?
        if let known { state = known } else { state = try await ledger.feedState(feed.url) }
        if let reason = state?.disabled { return PollResult(feedURL: feed.url, status: .disabled(reason)) }
        // A feed that moved permanently is fetched from its new address; it keeps its identity.
        let address = state?.movedTo ?? feed.url
        var limits = limits
        if let seconds = feed.fetchTimeout { limits.totalTimeoutSeconds = seconds }
        let request = FetchRequest(url: address, allowFileURL: feed.isFile, etag: state?.etag,
                                   lastModified: state?.lastModified, limits: limits,
                                   headers: HTTPHeader.sendable(feed.headers, configured: feed.url, address: address))
        var response = try await fetcher.fetch(request)
        var moved: String?
        if response.permanentlyMoved, response.effectiveURL != address {
            moved = response.effectiveURL
        }
        if moved != nil || state?.httpStatus != response.status {
            try await ledger.setFeedAttributes(feed.url, httpStatus: response.status, movedTo: moved)
        }
        let fresh = Freshness.seconds(response, now: now())
        if response.notModified {
            await ledger.recordNotModified(feed.url, now: now())
            var result = PollResult(feedURL: feed.url, status: .notModified)
            result.freshSeconds = fresh
            return result
        }
        let seen = try await ledger.seenKeys(feed.url)
        metrics.fetchedBytes(response.body.count)
        let parseStart = FeedwatchMetrics.now()
        let parsed = parser.parse(response.body, documentURL: response.effectiveURL,
                                  httpContentType: feed.isFile ? nil : response.contentType)
        metrics.parseTime(nanoseconds: FeedwatchMetrics.now() - parseStart)
        // The bytes are no longer needed: other transfers may use their share of max_buffered_bytes.
        response.releaseBody()
        metrics.entriesParsed(parsed.entries.count)
        if parsed.version == .unknown {
            throw PollFailure(message: "not a feed: \(parsed.bozoException ?? "no RSS or Atom found")")
        }
        let time = now()
        let firstFetch = state?.firstFetched == nil
        let feedTitle = feed.title ?? parsed.feed.title.map { HTMLText.normalizedPlainText($0.value).collapsedWhitespace }
        var newKeys: [String] = []
        var presentKeys: [String] = []
        var alerts: [OutboxAlert] = []
        var keysThisPoll = Set<String>()
        let factory = factory(for: feed)
        var raisedBy: [(watch: String?, rule: String?)] = []
        for entry in parsed.entries {
            let key = entry.key(feedURL: feed.url)
            guard keysThisPoll.insert(key).inserted else { continue } // duplicate item inside one document
            if seen.contains(key) { presentKeys.append(key); continue }
            newKeys.append(key)
            if firstFetch, !backfillAllows(entry, window: feed.backfill.map { $0.map { .seconds($0) } ?? .all } ?? backfill, now: time) { continue }
            let source = AlertFactory.Source(feedTitle: feedTitle, feedURL: feed.url, entryKey: key, entry: entry)
            let extractStart = FeedwatchMetrics.now()
            let raised = factory.alerts(for: source, text: EntryText(entry).only(feed.fields), now: time)
            metrics.extractTime(nanoseconds: FeedwatchMetrics.now() - extractStart)
            metrics.entitiesExtracted(raised.first?.entities.count ?? 0)
            raisedBy += raised.map { ($0.watch, $0.rule) }
            for alert in raised {
                alerts.append(OutboxAlert(id: alert.id, line: alert.json.serialized(), subject: alert.subject,
                                          linkKey: StoryKey.link(entry.link), titleKey: StoryKey.title(alert.entry.title),
                                          storyTime: (entry.date ?? time).secondsSince1970, source: alert.sourceJSON.serialized()))
            }
        }
        let dates = parsed.entries.compactMap(\.date)
        var record = PollRecord(feedURL: feed.url, title: feedTitle, etag: response.etag,
                                lastModified: response.lastModified, newKeys: newKeys,
                                presentKeys: presentKeys, alerts: alerts)
        record.newestEntry = dates.max()
        let links = parsed.entries.compactMap(\.link)
        record.links = LinkSet(links: links)
        // The document itself says the feed moved (RSS redirect/newLocation, itunes:new-feed-url).
        // Not followed: unlike a 301 it comes from the feed's content, not its server; said on
        // each fetch, and by `status`, until the config is updated.
        if let announced = parsed.feed.extra.newLocation, Self.isWebURL(announced),
           announced != feed.url, announced != moved, announced != response.effectiveURL {
            record.announcedMove = announced
        }
        // Every entry new although the last fetch worked: a gap, or old posts under new ids. The
        // links the last fetch stored are read before this fetch's replace them.
        let allNew = !firstFetch && state?.lastSuccess != nil && parsed.entries.count > 1 && newKeys.count == parsed.entries.count
        let knownLinks = allNew && (dates.isEmpty || state?.newestEntry == nil) ? try await ledger.recentLinks(feed.url) : nil
        try await ledger.record(record, now: time)
        for (watch, rule) in raisedBy { metrics.alert(watch: watch, rule: rule) }
        var result = PollResult(feedURL: feed.url, status: .updated(entries: parsed.entries.count, newEntries: newKeys.count),
                                alerts: alerts.count,
                                warning: parsed.bozo ? parsed.bozoException.map { "feed is not well-formed, entries kept: \($0)" } : nil)
        result.freshSeconds = fresh
        result.medianEntryGap = Self.medianGap(dates)
        result.newestEntryDate = dates.max()
        result.movedTo = moved
        if let moved {
            result.warning = (result.warning.map { $0 + "; " } ?? "") + "moved permanently to \(moved); polled there from now on (update the config)"
        }
        if let announced = record.announcedMove {
            result.warning = (result.warning.map { $0 + "; " } ?? "")
                + "the feed says it has moved to \(announced); not followed (check it and update the config)"
        }
        // Every entry new although the last fetch worked: the feed turns over faster than we poll.
        // Unless the "new" entries are dated no later than the newest we had already seen: then
        // the feed gave old posts new ids (ids with a timestamp or session in them), and polling
        // it more often would only hammer it (down to once a minute, fetch after fetch).
        if allNew, let state {
            // Strictly older, and than a newest that lay in the past when it was seen: date-only
            // stamps or an entry dated a little ahead must not hide a real turnover.
            let olderThanSeen = state.newestEntry.flatMap { seen in dates.min().map { $0 < min(seen, time) } } ?? false
            // Where dates cannot tell (none, or none seen before), the links can: most of these
            // "new" entries, by distinct link, were in the last full fetch. Entries without a
            // link count against it, and so do repeats of one link (a feed whose items all
            // point to its home page has turned over, not re-keyed).
            var linksSeen = 0
            if let known = knownLinks, !known.isEmpty {
                let (seen, compared) = known.overlap(links)
                let distinct = Set(links).count
                if compared >= 2, seen * 2 >= compared, distinct * 2 >= parsed.entries.count { linksSeen = seen }
            }
            if olderThanSeen || linksSeen > 0 {
                result.rekeyed = true
                result.warning = (result.warning.map { $0 + "; " } ?? "")
                    + "all \(newKeys.count) entries have ids not seen before but "
                    + (olderThanSeen ? "some are dated no later than entries seen before" : "\(linksSeen) of their links were in the last fetch")
                    + ": the feed changes its entry ids"
            } else {
                result.possibleGap = true
                result.warning = (result.warning.map { $0 + "; " } ?? "")
                    + "possible gap: all \(newKeys.count) entries were new, entries may have been missed; polling this feed more often"
            }
        }
        return result
    }

    /// An http or https URL: what an announced new location must be to be worth mentioning.
    static func isWebURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// Median gap between the 20 newest entry dates: robust to a burst of posts or one old item.
    static func medianGap(_ dates: [Timestamp]) -> Int? {
        let recent = dates.sorted(by: >).prefix(20)
        guard recent.count >= 3 else { return nil }
        let gaps = zip(recent, recent.dropFirst()).map { Int($0.secondsSince1970 - $1.secondsSince1970) }.sorted()
        return gaps[gaps.count / 2]
    }

    private func backfillAllows(_ entry: Entry, window: Backfill, now: Timestamp) -> Bool {
        switch window {
        case .all: return true
        case let .seconds(window):
            // `none` (a window of 0) means none: not even an entry dated a little ahead. Undated
            // entries stay quiet, and so do those dated far ahead (`date` is nil for them).
            guard window > 0, let date = entry.date else { return false }
            return date.secondsSince1970 >= now.secondsSince1970 - Int64(window)
        }
    }
}

/// A poll that failed for a reason of its own (not fetch or store).
struct PollFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
