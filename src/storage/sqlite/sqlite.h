// Small RAII wrappers over the SQLite C API that report failures as Result.
//
// Database owns a connection; Statement owns a prepared statement and is
// reused across rows (bind, step, reset), which is what makes bulk imports
// fast. Neither is copyable.
//
// Thread safety: a Database and its statements belong to one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sargs::sqlite {

class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept : stmt_(other.stmt_), db_(other.db_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite. Text bound as a view is not
  // copied: it must stay alive until the statement has been stepped and reset
  // (Run does both). Temporaries are bound through the std::string&&
  // overload, which copies.
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, std::string&& text);
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, int64_t value);
  Statement& BindNull(int index);
  // A blob bound as a view is not copied either (same lifetime rule as text).
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& Bind(int index, const std::optional<int64_t>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }
  Statement& BindTextOrNull(int index, std::string_view text) {
    return text.empty() ? BindNull(index) : Bind(index, text);
  }
  Statement& BindTextOrNull(int index, std::string&& text) {
    return text.empty() ? BindNull(index) : Bind(index, std::move(text));
  }
  Statement& BindTextOrNull(int index, const char* text) { return BindTextOrNull(index, std::string_view(text)); }

  // Advances to the next row: true when a row is available, false when done.
  Result<bool> Step();
  // Runs a statement that returns no rows, then resets it for reuse.
  Result<bool> Run();
  void Reset();

  std::string_view Text(int column) const;  // "" for NULL
  std::string_view Blob(int column) const;  // valid until the next Step or Reset
  int64_t Int(int column) const;
  bool IsNull(int column) const;

 private:
  friend class Database;
  Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
};

class Database {
 public:
  static Result<Database> Open(const std::string& path);
  Database(Database&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) { other.db_ = nullptr; }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  Result<bool> Exec(const std::string& sql);
  Result<Statement> Prepare(std::string_view sql);
  int64_t Changes() const;
  const std::string& path() const { return path_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace sargs::sqlite
