# Every dependency comes from a Debian -dev package; nothing is vendored or
# downloaded at build time.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(absl REQUIRED)
find_package(simdjson REQUIRED)
find_package(doctest REQUIRED)
find_package(CURL REQUIRED)
# RE2 and toml++ are used through pkg-config, as Debian ships them.
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(TOMLPLUSPLUS REQUIRED IMPORTED_TARGET tomlplusplus)
find_path(HTTPLIB_INCLUDE_DIR httplib.h REQUIRED)

# Node runs the pinned JavaScript tools in tests/node (schema validators and
# real SARIF consumers); `npm ci` there installs them (scripts/test.sh).
find_program(NODE_EXECUTABLE node REQUIRED)
set(HUBLINT_NODE_MODULES "${CMAKE_SOURCE_DIR}/tests/node/node_modules")
