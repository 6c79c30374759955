#!/bin/sh
# Get Help's start-up archive (AppCDS): the app's own classes and the JDK and JavaFX classes of its
# first window, parsed and verified ahead of time, mapped by the launcher (-XX:SharedArchiveFile).
# Java 17 ties an archive of class-path classes to the absolute paths and dates of the jars, so it
# is made where the package was installed: postinst runs "make", prerm runs "remove" (an
# uninstall leaves nothing behind). Needs no display and starts nothing. Without the archive, or
# with one that no longer matches, Java ignores it silently and Get Help starts anyway, slower.
# Written by the package build (installer StartupArchive); @CLASSPATH@ is the launcher's class path.
LIB=$(cd "$(dirname "$0")" && pwd -P)
ARCHIVE="$LIB/app.jsa"
case "$1" in
    make)
        rm -f "$ARCHIVE"
        if ! "$LIB/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$LIB/@CLASSLIST@" \
                -XX:SharedArchiveFile="$ARCHIVE" -cp "@CLASSPATH@" >/dev/null 2>&1; then
            rm -f "$ARCHIVE"
            echo "note: Get Help's start-up archive was not made; it starts without it" >&2
        fi
        ;;
    remove)
        rm -f "$ARCHIVE"
        ;;
    *)
        echo "usage: $0 make|remove" >&2
        exit 64
        ;;
esac
exit 0
