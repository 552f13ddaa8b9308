#include <cstdio>

#include "base/csv.h"
#include "cli/commands.h"
#include "reference/embedded_data.h"

namespace sargs::cli {

void RegisterReference(CLI::App& app, Outcome& out) {
  auto type = std::make_shared<std::string>();
  CLI::App* factors = app.add_subcommand("factors", "List the 142 factors of regulation No. 135 (annexes 1-3) as CSV");
  factors->add_option("--institution-type", *type, "Only the factors that apply to this institution type");
  factors->callback([type, &out] {
    const ReferenceData& ref = ShippedReference();
    std::optional<InstitutionType> only;
    if (!type->empty()) {
      auto t = ParseInstitutionType(*type);
      if (!t) return void(out.code = Report(FieldError("--institution-type", t.error().message), kExitBadInput));
      only = *t;
    }
    std::printf("code,annex,number,label_en\n");
    for (const FactorInfo& f : ref.factors()) {
      if (only && !f.AppliesTo(*only)) continue;
      std::printf("%s,%d,%d,%s\n", f.code.c_str(), f.annex, f.number, CsvEscape(f.label_en).c_str());
    }
  });

  CLI::App* methodology = app.add_subcommand("methodology", "Check or print a methodology file");
  methodology->require_subcommand(1);
  auto file = std::make_shared<std::string>();
  CLI::App* check = methodology->add_subcommand("check", "Validate a methodology TOML file");
  check->add_option("file", *file, "Methodology file")->required();
  check->callback([file, &out] {
    auto m = LoadMethodology(*file, ShippedReference());
    if (!m) return void(out.code = Report(m.error(), kExitBadInput));
    int applicable = 0;
    for (const auto& p : m->points) applicable += p.has_value();
    std::printf("%s: methodology \"%s\" version %s for %s, %d factors apply, effective from %s\n", file->c_str(),
                m->name.c_str(), m->version.c_str(), ToString(m->institution_type), applicable,
                FormatDate(m->effective_from).c_str());
    if (auto warning = ReviewOverdueWarning(*m, TodayInRiga())) std::fprintf(stderr, "warning: %s\n", warning->c_str());
  });
  CLI::App* show = methodology->add_subcommand("default", "Print the shipped default methodology (a template to copy)");
  show->callback([] { std::fputs(std::string(*FindEmbeddedFile("data/methodology/default.toml")).c_str(), stdout); });
}

}  // namespace sargs::cli
