// Result<T>: the value of an operation that can fail in an expected way
// (bad input, a missing file, an unknown id). Exceptions are reserved for
// programming errors and process boundaries; everything a user can cause
// travels as an Error value so that callers decide how to report it.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace sargs {

// Where a problem was found. Empty file / zero line means "not from a file".
struct Location {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
};

struct Error {
  std::string message;
  Location where;
  std::string field;  // the column / key the problem is about, if any

  // "FILE:LINE:COLUMN: field: reason", dropping the parts that are unknown.
  std::string ToString() const;
};

// An error about a named input (a command-line option, a field).
inline Error FieldError(std::string field, std::string message) {
  Error e;
  e.message = std::move(message);
  e.field = std::move(field);
  return e;
}

template <typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> Fail(std::string message) {
  return tl::unexpected<Error>(Error{std::move(message), {}, {}});
}
inline tl::unexpected<Error> Fail(Location where, std::string field,
                                  std::string message) {
  return tl::unexpected<Error>(
      Error{std::move(message), std::move(where), std::move(field)});
}

}  // namespace sargs

// TRY(x): evaluates a Result; on failure returns its Error from the enclosing
// function, otherwise yields the value. Uses a GNU statement expression, which
// g++ and clang both support; it keeps call sites as short as `?` in Rust.
#define SARGS_CONCAT_INNER(a, b) a##b
#define SARGS_CONCAT(a, b) SARGS_CONCAT_INNER(a, b)
// Each expansion gets its own variable name (__COUNTER__), so TRY may nest.
#define TRY(expr) SARGS_TRY_IMPL(expr, SARGS_CONCAT(try_result_, __COUNTER__))
#define SARGS_TRY_IMPL(expr, name)                                             \
  ({                                                                           \
    auto&& name = (expr);                                                      \
    if (!name) return tl::unexpected<::sargs::Error>(std::move(name.error())); \
    std::move(*name);                                                          \
  })

// TRY_VOID(x): the same for a Result whose value is not needed.
#define TRY_VOID(expr) SARGS_TRY_VOID_IMPL(expr, SARGS_CONCAT(try_status_, __COUNTER__))
#define SARGS_TRY_VOID_IMPL(expr, name)                                          \
  do {                                                                           \
    auto&& name = (expr);                                                        \
    if (!name) return tl::unexpected<::sargs::Error>(std::move(name.error()));   \
  } while (0)
