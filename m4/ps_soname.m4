# SPDX-License-Identifier: MIT
# PS_DL_LIBS: DL_LIBS is what a program calling dlopen() links (nothing
# with glibc 2.34 and later); the search runs once whoever asks first.
AC_DEFUN([PS_DL_LIBS], [
  AS_IF([test "x$ps_dl_libs_done" != xyes], [
    ps_dl_libs_done=yes
    ps_save_LIBS=$LIBS
    AC_SEARCH_LIBS([dlopen], [dl], [], [AC_MSG_ERROR([dlopen not found])])
    AS_IF([test "x$ac_cv_search_dlopen" != "xnone required"], [DL_LIBS=$ac_cv_search_dlopen])
    LIBS=$ps_save_LIBS])
])

# PS_SONAME(VAR, LIBS, FUNCTION, PREFIX): define VAR in config.h as the
# soname of the shared library PREFIX that a program calling FUNCTION,
# linked with LIBS, needs (its NEEDED entry, read with objdump -p): the
# library the headers in use belong to, for dlopen() (src/dynlib.h).
AC_DEFUN([PS_SONAME], [
  AC_REQUIRE([PS_PROG_OBJDUMP])
  AC_MSG_CHECKING([the soname of $4])
  ps_save_LIBS=$LIBS
  LIBS="$2 $LIBS"
  ps_soname=
  AC_LINK_IFELSE([AC_LANG_CALL([], [$3])],
    [ps_soname=`$OBJDUMP -p conftest$ac_exeext 2>/dev/null |
      awk '$[]1 == "NEEDED" && $[]2 ~ /^$4\.so/ { print $[]2; exit }'`])
  LIBS=$ps_save_LIBS
  AS_IF([test -z "$ps_soname"],
    [AC_MSG_RESULT([not found])
     AC_MSG_ERROR([cannot tell the soname of $4 (objdump -p): configure --enable-static-libs to link it instead])])
  AC_MSG_RESULT([$ps_soname])
  AC_DEFINE_UNQUOTED([$1], ["$ps_soname"], [the soname of $4, opened with dlopen()])
])

AC_DEFUN([PS_PROG_OBJDUMP], [
  AC_CHECK_TOOL([OBJDUMP], [objdump])
  AS_IF([test -z "$OBJDUMP"], [AC_MSG_ERROR([objdump not found: install binutils])])
])
