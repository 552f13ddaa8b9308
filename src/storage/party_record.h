// Compact binary records of clients, persons and accounts.
//
// `sargs monitor --input` holds every client of the files in memory until
// its transactions come. As structs of std::string a million clients with
// their persons and accounts took about 850 MB and several million heap
// blocks; as records they take a fifth of that, and a client's structs are
// decoded only when the rules need them.
//
// Each record is a sequence of fields in the struct's order: strings as
// (varint length, bytes), dates as zigzag varint days since 1970-01-01,
// optional values behind a presence byte, enums and flags as bytes.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "model/client.h"

namespace sargs {

void AppendRecord(const Client& c, std::string& out);
void AppendRecord(const Person& p, std::string& out);
void AppendRecord(const Account& a, std::string& out);

// Decode the record at `pos` of `data` into the struct (every field is
// set), advancing `pos` past it. Fail on corrupt bytes.
Result<bool> ReadRecord(std::string_view data, size_t& pos, Client& c);
Result<bool> ReadRecord(std::string_view data, size_t& pos, Person& p);
Result<bool> ReadRecord(std::string_view data, size_t& pos, Account& a);

}  // namespace sargs
