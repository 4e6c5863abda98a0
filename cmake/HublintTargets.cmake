# Helpers that keep every module's CMakeLists.txt short and alike.

set(HUBLINT_WARNINGS -Wall -Wextra -Wno-unused-parameter
    -Wno-missing-field-initializers)
if(HUBLINT_WERROR)
  list(APPEND HUBLINT_WARNINGS -Werror)
endif()
# Sanitizers (docs/robustness.md): AddressSanitizer (with LeakSanitizer) and
# UndefinedBehaviorSanitizer over every target, every report fatal. Works
# with GCC and clang; Debian's Abseil, RE2, toml++ and simdjson are not
# instrumented, which only means bugs inside them go unseen.
if(HUBLINT_SANITIZE OR HUBLINT_FUZZ)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
# libFuzzer (clang only): coverage instrumentation everywhere, so the
# sanitized test suite and the fuzz targets (fuzz/) build in one directory;
# only the fuzz targets link libFuzzer itself (-fsanitize=fuzzer).
if(HUBLINT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "HUBLINT_FUZZ needs clang for libFuzzer: configure "
                        "with -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# hublint_library(NAME SOURCES... DEPS ...): a static library of one stage.
function(hublint_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR})
  target_compile_options(${name} PRIVATE ${HUBLINT_WARNINGS})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
endfunction()

# hublint_test(NAME SOURCES... DEPS ...): a doctest executable registered with
# ctest. Tests run from the source root so fixture paths read naturally.
function(hublint_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} ${CMAKE_SOURCE_DIR}/tests/testing/doctest_main.cc)
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR})
  target_compile_options(${name} PRIVATE ${HUBLINT_WARNINGS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} doctest::doctest)
  target_compile_definitions(${name} PRIVATE
      HUBLINT_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
      HUBLINT_SHARED_DIR="${HUBLINT_SHARED_DIR}"
      HUBLINT_BINARY_DIR="${CMAKE_BINARY_DIR}")
  add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  if(ARG_TIMEOUT)
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT})
  endif()
  if(ARG_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
endfunction()

# hublint_optional_subdirectory(DIR): modules land one by one; a module that
# is not there yet is skipped rather than breaking the build.
function(hublint_optional_subdirectory dir)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/CMakeLists.txt)
    add_subdirectory(${dir})
  endif()
endfunction()
