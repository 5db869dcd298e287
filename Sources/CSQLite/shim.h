#ifndef FEEDWATCH_CSQLITE_SHIM_H
#define FEEDWATCH_CSQLITE_SHIM_H
/* Debian's system SQLite (libsqlite3-dev): a module map only, no C code of ours. */
#include <sqlite3.h>
#endif
