// libxml2's HTML parser and tree (Debian libxml2-dev; found with pkg-config libxml-2.0).
//
// Debian builds libxml2 with ICU, and its encoding.h then includes the system's <unicode/*.h>,
// whose UErrorCode clashes with the ICU that Foundation ships (_FoundationICU) in any module
// importing both. Opine never touches the ICU members (an encoding handler is only passed back
// to libxml2, which owns its layout), so the ICU part of the headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
