#ifndef FEEDWATCH_CLIBXML2_SHIM_H
#define FEEDWATCH_CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU, and <libxml/encoding.h> then pulls in ICU's headers,
 * which clash with Foundation's module. Read the version header first, then forget the
 * ICU switch before anything else includes it; we never call the ICU-specific API. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/xmlerror.h>

/* `xmlFree` is a global function pointer, which Swift 6 refuses to read from
 * concurrent code: call it through this fixed function instead. */
static inline void cxml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
