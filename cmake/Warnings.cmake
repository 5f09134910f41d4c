# Warnings for our own targets only (never for third-party headers).
add_library(wellbeing_warnings INTERFACE)
target_compile_options(wellbeing_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(WELLBEING_WERROR)
  target_compile_options(wellbeing_warnings INTERFACE -Werror)
endif()
