// ParseSanctionList: one entry point for every list Sargs screens against,
// for callers (the CLI, an update job) that get a list name and some files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "screening/sanction_list.h"

namespace sargs {

// `source` is "eu", "un", "ofac" or "lv". EU, UN and LV take exactly one XML
// file. OFAC takes either the SDN XML file (one file ending in .xml) or the
// legacy CSV files, recognised by name: sdn.csv is required, alt.csv and
// add.csv are optional (names compared without case and directory, so
// "SDN.CSV" and "/tmp/ofac/sdn.csv" both count).
Result<SanctionList> ParseSanctionList(std::string_view source, const std::vector<std::string>& files);

}  // namespace sargs
