// The files of data/ as compiled into the binary (see cmake/embed.cmake).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace sargs {

struct EmbeddedFile {
  std::string_view path;  // "data/countries.csv"
  std::string_view content;
};

const std::vector<EmbeddedFile>& EmbeddedFiles();

// The content of a shipped data file, or nullopt when there is none.
std::optional<std::string_view> FindEmbeddedFile(std::string_view path);

}  // namespace sargs
