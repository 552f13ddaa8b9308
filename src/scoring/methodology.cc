#include "scoring/methodology.h"

#include <fstream>
#include <sstream>

#include <toml++/toml.h>

#include "reference/embedded_data.h"

namespace sargs {
namespace {

// Reads typed values out of toml++ tables and turns every problem into an
// Error that names file, line, column and the dotted key.
class Reader {
 public:
  explicit Reader(std::string_view file) : file_(file) {}

  Location Where(const toml::node& node) const {
    const auto& src = node.source();
    return Location{file_, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column)};
  }

  tl::unexpected<Error> Bad(const toml::node& node, const std::string& key, std::string why) const {
    return Fail(Where(node), key, std::move(why));
  }

  // Rejects keys the format does not know: a typo must not silently fall
  // back to a default.
  Result<bool> OnlyKeys(const toml::table& table, const std::string& prefix,
                        std::initializer_list<std::string_view> allowed) const {
    for (const auto& [key, node] : table) {
      bool known = false;
      for (auto a : allowed) known = known || key.str() == a;
      if (!known) {
        std::string list;
        for (auto a : allowed) list += std::string(list.empty() ? "" : ", ") + std::string(a);
        return Bad(node, prefix + std::string(key.str()), "unknown key (known: " + list + ")");
      }
    }
    return true;
  }

  Result<const toml::table*> Table(const toml::table& parent, const std::string& prefix,
                                   std::string_view key, bool required) const {
    const toml::node* node = parent.get(key);
    if (!node) {
      if (required) return Fail(Location{file_, 0, 0}, prefix + std::string(key), "missing table");
      return nullptr;
    }
    if (!node->is_table()) return Bad(*node, prefix + std::string(key), "expected a table");
    return node->as_table();
  }

  Result<std::optional<std::string>> String(const toml::table& t, const std::string& prefix,
                                            std::string_view key) const {
    const toml::node* node = t.get(key);
    if (!node) return std::optional<std::string>();
    if (!node->is_string()) return Bad(*node, prefix + std::string(key), "expected a string");
    return std::optional<std::string>(node->value<std::string>().value());
  }

  Result<std::optional<int64_t>> Int(const toml::table& t, const std::string& prefix,
                                     std::string_view key, int64_t min, int64_t max) const {
    const toml::node* node = t.get(key);
    if (!node) return std::optional<int64_t>();
    if (!node->is_integer()) return Bad(*node, prefix + std::string(key), "expected a whole number");
    int64_t v = node->value<int64_t>().value();
    if (v < min || v > max) {
      return Bad(*node, prefix + std::string(key),
                 "must be between " + std::to_string(min) + " and " + std::to_string(max));
    }
    return std::optional<int64_t>(v);
  }

  Result<std::optional<bool>> Bool(const toml::table& t, const std::string& prefix,
                                   std::string_view key) const {
    const toml::node* node = t.get(key);
    if (!node) return std::optional<bool>();
    if (!node->is_boolean()) return Bad(*node, prefix + std::string(key), "expected true or false");
    return std::optional<bool>(node->value<bool>().value());
  }

  Result<std::optional<Date>> DateValue(const toml::table& t, const std::string& prefix,
                                        std::string_view key) const {
    const toml::node* node = t.get(key);
    if (!node) return std::optional<Date>();
    std::string text;
    if (node->is_date()) {
      auto d = node->value<toml::date>().value();
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
      text = buf;
    } else if (node->is_string()) {
      text = node->value<std::string>().value();
    } else {
      return Bad(*node, prefix + std::string(key), "expected a date (YYYY-MM-DD)");
    }
    auto parsed = ParseDate(text);
    if (!parsed) return Bad(*node, prefix + std::string(key), parsed.error().message);
    return std::optional<Date>(*parsed);
  }

  // Money as a whole number of euros or a decimal string ("2500.50").
  Result<std::optional<Money>> Amount(const toml::table& t, const std::string& prefix,
                                      std::string_view key) const {
    const toml::node* node = t.get(key);
    if (!node) return std::optional<Money>();
    Result<Money> m = Fail("");
    if (node->is_integer()) {
      m = Money::FromEuros(node->value<int64_t>().value());
    } else if (node->is_string()) {
      m = Money::Parse(node->value<std::string>().value());
    } else {
      return Bad(*node, prefix + std::string(key), "expected an amount in euro");
    }
    if (!m) return Bad(*node, prefix + std::string(key), m.error().message);
    if (*m < Money()) return Bad(*node, prefix + std::string(key), "amount must not be negative");
    return std::optional<Money>(*m);
  }

  Result<std::vector<std::string>> Strings(const toml::table& t, const std::string& prefix,
                                           std::string_view key) const {
    std::vector<std::string> out;
    const toml::node* node = t.get(key);
    if (!node) return out;
    if (!node->is_array()) return Bad(*node, prefix + std::string(key), "expected a list of strings");
    for (const auto& item : *node->as_array()) {
      if (!item.is_string()) return Bad(item, prefix + std::string(key), "expected a string");
      out.push_back(item.value<std::string>().value());
    }
    return out;
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
};

template <typename T, typename U>
void Assign(T& target, const std::optional<U>& value) {
  if (value) target = static_cast<T>(*value);
}

Result<RiskLevel> ParseRiskLevel(std::string_view s) {
  if (s == "low") return RiskLevel::kLow;
  if (s == "medium") return RiskLevel::kMedium;
  if (s == "high") return RiskLevel::kHigh;
  return Fail("unknown risk level '" + std::string(s) + "' (low, medium, high)");
}

Result<std::vector<int>> FactorList(const Reader& r, const toml::table& t, const std::string& prefix,
                                    std::string_view key, const ReferenceData& ref) {
  std::vector<int> out;
  for (const std::string& code : TRY(r.Strings(t, prefix, key))) {
    int i = ref.FactorIndex(code);
    if (i < 0) return r.Bad(t, prefix + std::string(key), "unknown factor code '" + code + "'");
    out.push_back(i);
  }
  return out;
}

}  // namespace

const char* ToString(RiskLevel level) {
  switch (level) {
    case RiskLevel::kLow: return "low";
    case RiskLevel::kMedium: return "medium";
    case RiskLevel::kHigh: return "high";
  }
  return "?";
}

bool CountryClass::Contains(const std::string& country, const ReferenceData& ref) const {
  if (countries.count(country)) return true;
  for (const std::string& id : lists) {
    const CountryList* list = ref.List(id);
    if (list && list->codes.count(country)) return true;
  }
  if (outside_eu_eea_oecd) {
    const CountryInfo* info = ref.Country(country);
    if (info && !info->eu && !info->eea && !info->oecd) return true;
  }
  return false;
}

// [monitoring]: one table per rule, named by its factor ([monitoring."A2.21"]).
// Where the regulation gives a number, a setting may be stricter (lower),
// never laxer, as for [parameters].
namespace {
Result<bool> ParseMonitoring(const Reader& r, const toml::table& root, const ReferenceData& ref,
                             MonitoringParams& mp) {
  const toml::table* t = TRY(r.Table(root, "", "monitoring", false));
  if (!t) return true;
  struct Field {
    const char* key;
    bool* flag = nullptr;
    int* number = nullptr;
    Money* amount = nullptr;
    std::vector<std::string>* strings = nullptr;
    int64_t max = 1'000'000'000;  // for numbers; for amounts in euro when regulatory
    bool regulatory = false;      // max is the regulation's value
    int64_t min = 1;              // for numbers
  };
  auto money_field = [](const char* key, Money* m, bool regulatory) {
    Field f{key};
    f.amount = m;
    f.regulatory = regulatory;
    f.max = regulatory ? m->cents() : f.max;
    return f;
  };
  auto int_field = [](const char* key, int* n, int64_t max, bool regulatory = false) {
    Field f{key};
    f.number = n;
    f.max = max;
    f.regulatory = regulatory;
    return f;
  };
  // For the few numbers where 0 means something (a tolerance of 0 % is "the same amount").
  auto int_field_from = [](const char* key, int* n, int64_t min, int64_t max) {
    Field f{key};
    f.number = n;
    f.min = min;
    f.max = max;
    return f;
  };
  auto list_field = [](const char* key, std::vector<std::string>* v) {
    Field f{key};
    f.strings = v;
    return f;
  };
  auto on = [](bool* b) {
    Field f{"enabled"};
    f.flag = b;
    return f;
  };
  const std::vector<std::pair<const char*, std::vector<Field>>> rules = {
      {"A2.20", {on(&mp.pass_through.enabled), int_field("min_days", &mp.pass_through.min_days, 31),
                 int_field("max_difference_percent", &mp.pass_through.max_difference_percent, 100),
                 money_field("min_day_turnover_eur", &mp.pass_through.min_day_turnover, false)}},
      {"A2.21", {on(&mp.cash_share.enabled), int_field("share_percent", &mp.cash_share.share_percent, 30, true),
                 money_field("min_month_turnover_eur", &mp.cash_share.min_month_turnover, false)}},
      {"A2.23", {on(&mp.round_amounts.enabled), int_field("min_count", &mp.round_amounts.min_count, 1000),
                 money_field("round_unit_eur", &mp.round_amounts.round_unit, false),
                 money_field("min_amount_eur", &mp.round_amounts.min_amount, false)}},
      {"A2.24", {on(&mp.fan_in_out.enabled), int_field("min_payers", &mp.fan_in_out.min_payers, 1'000'000),
                 int_field("window_days", &mp.fan_in_out.window_days, 366),
                 money_field("max_incoming_eur", &mp.fan_in_out.max_incoming, false),
                 int_field_from("min_onward_percent", &mp.fan_in_out.min_onward_percent, 0, 1'000)}},
      {"A2.26", {on(&mp.transfers_to_cash.enabled),
                 int_field("min_transfer_in_percent", &mp.transfers_to_cash.min_transfer_in_percent, 100),
                 int_field("min_cash_out_percent", &mp.transfers_to_cash.min_cash_out_percent, 100),
                 money_field("min_month_turnover_eur", &mp.transfers_to_cash.min_month_turnover, false)}},
      {"A2.27", {on(&mp.high_risk_jurisdiction.enabled),
                 money_field("limit_eur", &mp.high_risk_jurisdiction.limit, false),
                 list_field("lists", &mp.high_risk_jurisdiction.lists)}},
      {"A2.29", {on(&mp.services.enabled), money_field("limit_eur", &mp.services.limit, false),
                 list_field("keywords", &mp.services.keywords)}},
      {"A2.30", {on(&mp.circular.enabled), int_field_from("max_hops", &mp.circular.max_hops, 2, 12),
                 int_field("window_days", &mp.circular.window_days, 366),
                 int_field_from("hop_tolerance_percent", &mp.circular.hop_tolerance_percent, 0, 100),
                 money_field("min_amount_eur", &mp.circular.min_amount, false)}},
      {"A2.46", {on(&mp.shared_ip.enabled), int_field_from("min_clients", &mp.shared_ip.min_clients, 2, 1'000'000),
                 int_field_from("mass_address_clients", &mp.shared_ip.mass_address_clients, 2, 1'000'000'000),
                 list_field("allowed_ips", &mp.shared_ip.allowed_ips)}},
      {"A2.48", {on(&mp.over_limit.enabled), int_field("min_excess_percent", &mp.over_limit.min_excess_percent, 30, true),
                 money_field("min_excess_eur", &mp.over_limit.min_excess, true)}},
      {"A2.49", {on(&mp.late_first_credit.enabled), int_field("min_months", &mp.late_first_credit.min_months, 6, true),
                 money_field("min_month_credit_eur", &mp.late_first_credit.min_month_credit, true)}},
      {"A2.50", {on(&mp.late_first_debit.enabled), int_field("min_months", &mp.late_first_debit.min_months, 12, true)}},
      {"A2.51", {on(&mp.resumed.enabled), int_field("min_pause_months", &mp.resumed.min_pause_months, 6, true),
                 money_field("min_month_turnover_eur", &mp.resumed.min_month_turnover, true)}},
      {"A2.52", {on(&mp.large_cash.enabled), money_field("limit_eur", &mp.large_cash.limit, true)}},
      {"A2.53", {on(&mp.non_latvia.enabled)}},
      {"A2.56", {on(&mp.association.enabled), money_field("limit_eur", &mp.association.limit, true),
                 list_field("legal_forms", &mp.association.legal_forms)}},
      {"A2.57", {on(&mp.common_recipient.enabled),
                 int_field_from("min_clients", &mp.common_recipient.min_clients, 2, 1'000'000),
                 int_field_from("mass_recipient_clients", &mp.common_recipient.mass_recipient_clients, 2,
                                1'000'000'000),
                 list_field("allowed_accounts", &mp.common_recipient.allowed_accounts)}},
      {"A2.58", {on(&mp.disproportionate.enabled),
                 int_field("min_ratio_percent", &mp.disproportionate.min_ratio_percent, 100'000),
                 money_field("min_month_credit_eur", &mp.disproportionate.min_month_credit, false)}},
      {"A2.73", {on(&mp.same_atm.enabled), int_field_from("min_clients", &mp.same_atm.min_clients, 2, 1'000'000),
                 int_field("window_minutes", &mp.same_atm.window_minutes, 1'440),
                 money_field("min_withdrawal_eur", &mp.same_atm.min_withdrawal, false)}},
  };
  std::vector<std::string_view> names;
  for (const auto& rule : rules) names.push_back(rule.first);
  Assign(mp.history_complete_from, TRY(r.DateValue(*t, "monitoring.", "history_complete_from")));
  for (const auto& [key, node] : *t) {
    if (key.str() == "history_complete_from") continue;
    if (std::find(names.begin(), names.end(), key.str()) == names.end()) {
      std::string list;
      for (auto n : names) list += std::string(list.empty() ? "" : ", ") + std::string(n);
      return r.Bad(node, "monitoring." + std::string(key.str()), "unknown rule (known: " + list + ")");
    }
  }
  for (const auto& [factor, fields] : rules) {
    const std::string prefix = "monitoring." + std::string(factor) + ".";
    const toml::table* rt = TRY(r.Table(*t, "monitoring.", factor, false));
    if (!rt) continue;
    for (const auto& [key, node] : *rt) {
      bool known = std::any_of(fields.begin(), fields.end(), [&](const Field& f) { return key.str() == f.key; });
      if (!known) {
        std::string list;
        for (const Field& f : fields) list += std::string(list.empty() ? "" : ", ") + f.key;
        return r.Bad(node, prefix + std::string(key.str()), "unknown key (known: " + list + ")");
      }
    }
    for (const Field& f : fields) {
      if (f.flag) Assign(*f.flag, TRY(r.Bool(*rt, prefix, f.key)));
      if (f.number) {
        auto v = TRY(r.Int(*rt, prefix, f.key, f.min, f.regulatory ? 1'000'000'000 : f.max));
        if (v && f.regulatory && *v > f.max) {
          return r.Bad(*rt->get(f.key), prefix + f.key,
                       "must not exceed the regulation's " + std::to_string(f.max) + " (a lower value is stricter)");
        }
        if (v) *f.number = static_cast<int>(*v);
      }
      if (f.amount) {
        auto v = TRY(r.Amount(*rt, prefix, f.key));
        if (v && f.regulatory && v->cents() > f.max) {
          return r.Bad(*rt->get(f.key), prefix + f.key,
                       "must not exceed the regulation's " + Money::FromCents(f.max).ToString() +
                           " EUR (a lower value is stricter)");
        }
        if (v) *f.amount = *v;
      }
      if (f.strings && rt->get(f.key)) *f.strings = TRY(r.Strings(*rt, prefix, f.key));
    }
  }
  for (const std::string& id : mp.high_risk_jurisdiction.lists) {
    if (!ref.List(id)) {
      return r.Bad(*t, "monitoring.A2.27.lists", "unknown country list '" + id + "'");
    }
  }
  return true;
}
}  // namespace

Result<Methodology> ParseMethodology(std::string_view toml_text, std::string_view file,
                                     const ReferenceData& ref) {
  Reader r(file);
  toml::table root;
  try {
    root = toml::parse(toml_text, std::string(file));
  } catch (const toml::parse_error& e) {
    return Fail(Location{std::string(file), static_cast<int>(e.source().begin.line),
                         static_cast<int>(e.source().begin.column)},
                "", std::string(e.description()));
  }
  Methodology m;
  m.source = std::string(file);
  m.content_hash = 14695981039346656037ull;
  for (char ch : toml_text) m.content_hash = (m.content_hash ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
  TRY(r.OnlyKeys(root, "", {"methodology", "risk_levels", "edd", "review_months", "parameters",
                            "country_lists", "points", "own_factors", "monitoring"}));

  // [methodology]
  const toml::table* meta = TRY(r.Table(root, "", "methodology", true));
  const std::string mp = "methodology.";
  TRY(r.OnlyKeys(*meta, mp, {"name", "version", "effective_from", "approved_by", "approved_on",
                             "points_reviewed_on", "points_review_interval_months",
                             "institution_type", "nace_activity_mapping"}));
  auto version = TRY(r.String(*meta, mp, "version"));
  if (!version || version->empty()) return r.Bad(*meta, mp + "version", "missing (e.g. \"2026.1\")");
  m.version = *version;
  Assign(m.name, TRY(r.String(*meta, mp, "name")));
  auto effective = TRY(r.DateValue(*meta, mp, "effective_from"));
  if (!effective) return r.Bad(*meta, mp + "effective_from", "missing");
  m.effective_from = *effective;
  Assign(m.approved_by, TRY(r.String(*meta, mp, "approved_by")));
  m.approved_on = TRY(r.DateValue(*meta, mp, "approved_on"));
  auto reviewed = TRY(r.DateValue(*meta, mp, "points_reviewed_on"));
  if (!reviewed) return r.Bad(*meta, mp + "points_reviewed_on", "missing (point 14 of the regulation)");
  m.points_reviewed_on = *reviewed;
  Assign(m.points_review_interval_months, TRY(r.Int(*meta, mp, "points_review_interval_months", 1, 18)));
  auto type = TRY(r.String(*meta, mp, "institution_type"));
  if (!type) return r.Bad(*meta, mp + "institution_type", "missing");
  auto parsed_type = ParseInstitutionType(*type);
  if (!parsed_type) return r.Bad(*meta->get("institution_type"), mp + "institution_type", parsed_type.error().message);
  m.institution_type = *parsed_type;
  Assign(m.nace_activity_mapping, TRY(r.Bool(*meta, mp, "nace_activity_mapping")));

  // [risk_levels]
  if (const toml::table* t = TRY(r.Table(root, "", "risk_levels", false))) {
    const std::string p = "risk_levels.";
    TRY(r.OnlyKeys(*t, p, {"medium", "high", "annex1_minimum_level"}));
    Assign(m.medium_threshold, TRY(r.Int(*t, p, "medium", 0, 1'000'000)));
    Assign(m.high_threshold, TRY(r.Int(*t, p, "high", 0, 1'000'000)));
    if (m.high_threshold < m.medium_threshold) return r.Bad(*t, p + "high", "must not be below risk_levels.medium");
    if (auto level = TRY(r.String(*t, p, "annex1_minimum_level"))) {
      auto parsed = ParseRiskLevel(*level);
      if (!parsed) return r.Bad(*t->get("annex1_minimum_level"), p + "annex1_minimum_level", parsed.error().message);
      m.annex1_minimum_level = *parsed;
    }
  }

  // [edd]
  if (const toml::table* t = TRY(r.Table(root, "", "edd", false))) {
    const std::string p = "edd.";
    TRY(r.OnlyKeys(*t, p, {"score_threshold_onboarding", "score_threshold_ongoing",
                           "enhanced_monitoring_threshold", "deadline_business_days",
                           "extension_max_business_days", "review_months_short",
                           "review_months_long", "short_review_factors", "combinations"}));
    Assign(m.edd_threshold_onboarding, TRY(r.Int(*t, p, "score_threshold_onboarding", 0, 1'000'000)));
    Assign(m.edd_threshold_ongoing, TRY(r.Int(*t, p, "score_threshold_ongoing", 0, 1'000'000)));
    Assign(m.enhanced_monitoring_threshold, TRY(r.Int(*t, p, "enhanced_monitoring_threshold", 0, 1'000'000)));
    Assign(m.edd_deadline_business_days, TRY(r.Int(*t, p, "deadline_business_days", 1, 35)));
    Assign(m.edd_extension_max_business_days, TRY(r.Int(*t, p, "extension_max_business_days", 0, 15)));
    Assign(m.edd_review_months_short, TRY(r.Int(*t, p, "review_months_short", 1, 6)));
    Assign(m.edd_review_months_long, TRY(r.Int(*t, p, "review_months_long", 1, 12)));
    if (t->get("short_review_factors")) {
      auto list = TRY(FactorList(r, *t, p, "short_review_factors", ref));
      m.short_review_factors = std::set<int>(list.begin(), list.end());
    }
    if (const toml::node* combos = t->get("combinations")) {
      if (!combos->is_array_of_tables()) return r.Bad(*combos, p + "combinations", "expected [[edd.combinations]] tables");
      for (const auto& node : *combos->as_array()) {
        const toml::table& c = *node.as_table();
        const std::string cp = p + "combinations.";
        TRY(r.OnlyKeys(c, cp, {"name", "factors"}));
        EddCombination combo;
        Assign(combo.name, TRY(r.String(c, cp, "name")));
        combo.factor_indices = TRY(FactorList(r, c, cp, "factors", ref));
        if (combo.name.empty() || combo.factor_indices.size() < 2) {
          return r.Bad(c, cp + "factors", "a combination needs a name and at least two factors");
        }
        m.edd_combinations.push_back(std::move(combo));
      }
    }
  }
  if (m.short_review_factors.empty()) {
    for (const char* code : {"A1.1", "A1.4", "A1.5", "A1.6", "A1.7", "A1.12", "A1.13", "A1.14", "A1.15"}) {
      m.short_review_factors.insert(ref.FactorIndex(code));
    }
  }

  // [review_months]: periodic review by risk level when no annex 1 factor applies.
  if (const toml::table* t = TRY(r.Table(root, "", "review_months", false))) {
    const std::string p = "review_months.";
    TRY(r.OnlyKeys(*t, p, {"low", "medium", "high"}));
    Assign(m.review_months_by_level[0], TRY(r.Int(*t, p, "low", 1, 120)));
    Assign(m.review_months_by_level[1], TRY(r.Int(*t, p, "medium", 1, 120)));
    Assign(m.review_months_by_level[2], TRY(r.Int(*t, p, "high", 1, 120)));
  }

  // [parameters]
  if (const toml::table* t = TRY(r.Table(root, "", "parameters", false))) {
    const std::string p = "parameters.";
    RegulatoryParameters& q = m.params;
    TRY(r.OnlyKeys(*t, p, {"pep_exemption_avg_monthly_credit_eur", "pep_exemption_categories",
                           "private_banking_annual_credit_eur",
                           "third_country_monthly_credit_natural_eur",
                           "third_country_monthly_credit_legal_eur",
                           "main_counterparty_share_percent", "natural_person_monthly_credit_eur",
                           "non_latvia_monthly_credit_eur", "non_latvia_quarter_credit_eur",
                           "non_latvia_annual_credit_eur", "turnover_lookback_months"}));
    // The regulation allows an institution to be stricter, never laxer: an
    // amount may be lowered below the regulation's value but not raised.
    const RegulatoryParameters law;
    auto amount = [&](Money& target, const char* key, Money regulation) -> Result<bool> {
      auto value = TRY(r.Amount(*t, p, key));
      if (!value) return true;
      if (*value > regulation) {
        return r.Bad(*t->get(key), p + key,
                     "must not exceed the regulation's " + regulation.ToString() + " EUR (a lower value is stricter)");
      }
      target = *value;
      return true;
    };
    TRY(amount(q.pep_exemption_avg_monthly_credit, "pep_exemption_avg_monthly_credit_eur", law.pep_exemption_avg_monthly_credit));
    TRY(amount(q.private_banking_annual_credit, "private_banking_annual_credit_eur", law.private_banking_annual_credit));
    TRY(amount(q.third_country_monthly_credit_natural, "third_country_monthly_credit_natural_eur",
               law.third_country_monthly_credit_natural));
    TRY(amount(q.third_country_monthly_credit_legal, "third_country_monthly_credit_legal_eur",
               law.third_country_monthly_credit_legal));
    Assign(q.main_counterparty_share_percent,
           TRY(r.Int(*t, p, "main_counterparty_share_percent", 1, law.main_counterparty_share_percent)));
    TRY(amount(q.natural_person_monthly_credit, "natural_person_monthly_credit_eur", law.natural_person_monthly_credit));
    TRY(amount(q.non_latvia_monthly_credit, "non_latvia_monthly_credit_eur", law.non_latvia_monthly_credit));
    TRY(amount(q.non_latvia_quarter_credit, "non_latvia_quarter_credit_eur", law.non_latvia_quarter_credit));
    TRY(amount(q.non_latvia_annual_credit, "non_latvia_annual_credit_eur", law.non_latvia_annual_credit));
    Assign(q.turnover_lookback_months, TRY(r.Int(*t, p, "turnover_lookback_months", 1, 60)));
    if (t->get("pep_exemption_categories")) {
      q.pep_exemption_categories.clear();
      for (const std::string& c : TRY(r.Strings(*t, p, "pep_exemption_categories"))) {
        if (c != "pep" && c != "family" && c != "associate") {
          return r.Bad(*t->get("pep_exemption_categories"), p + "pep_exemption_categories",
                       "unknown PEP category '" + c + "' (pep, family, associate)");
        }
        q.pep_exemption_categories.insert(c);
      }
    }
  }

  // [country_lists]: which list answers which factor.
  m.country_factor_lists = {std::vector<std::string>{"terrorism_support"}, {"fatf_call_for_action"},
                            {"lv_low_tax_jurisdictions"}, {"eu_high_risk_third_countries"}};
  if (const toml::table* t = TRY(r.Table(root, "", "country_lists", false))) {
    const std::string p = "country_lists.";
    TRY(r.OnlyKeys(*t, p, {"A1.12", "A1.13", "A1.14", "A1.15"}));
    const char* keys[4] = {"A1.12", "A1.13", "A1.14", "A1.15"};
    for (int i = 0; i < 4; ++i) {
      if (!t->get(keys[i])) continue;
      m.country_factor_lists[i] = TRY(r.Strings(*t, p, keys[i]));
      for (const std::string& id : m.country_factor_lists[i]) {
        if (!ref.List(id)) {
          return r.Bad(*t->get(keys[i]), p + keys[i], "unknown country list '" + id + "'");
        }
      }
    }
  }

  // [points]: every factor that applies to the institution type needs points.
  const toml::table* points = TRY(r.Table(root, "", "points", true));
  m.points.assign(ref.factors().size(), std::nullopt);
  for (const auto& [key, node] : *points) {
    std::string code(key.str());
    int i = ref.FactorIndex(code);
    if (i < 0) return r.Bad(node, "points." + code, "unknown factor code");
    if (!node.is_integer()) return r.Bad(node, "points." + code, "expected a whole number of points");
    int64_t v = node.value<int64_t>().value();
    const FactorInfo& f = ref.factors()[i];
    if (f.annex == 3 && v > 0) {
      return r.Bad(node, "points." + code, "annex 3 factors decrease risk: points must be 0 or negative");
    }
    if (f.annex != 3 && v < 0) {
      return r.Bad(node, "points." + code, "annex 1 and 2 factors increase risk: points must not be negative");
    }
    if (v < -1'000'000 || v > 1'000'000) return r.Bad(node, "points." + code, "out of range");
    if (f.AppliesTo(m.institution_type)) m.points[i] = static_cast<int>(v);
  }
  std::string missing;
  for (size_t i = 0; i < ref.factors().size(); ++i) {
    if (ref.factors()[i].AppliesTo(m.institution_type) && !m.points[i]) {
      missing += (missing.empty() ? "" : ", ") + ref.factors()[i].code;
    }
  }
  if (!missing.empty()) {
    return Fail(Location{std::string(file), static_cast<int>(points->source().begin.line), 1},
                "points", "no points for factors that apply to " +
                              std::string(ToString(m.institution_type)) + ": " + missing);
  }

  // [own_factors]
  if (const toml::table* own = TRY(r.Table(root, "", "own_factors", false))) {
    const std::string p = "own_factors.";
    TRY(r.OnlyKeys(*own, p, {"residence_country", "legal_form", "remote_onboarding",
                             "cash_intensive_nace"}));
    if (const toml::node* classes = own->get("residence_country")) {
      if (!classes->is_array_of_tables()) {
        return r.Bad(*classes, p + "residence_country", "expected [[own_factors.residence_country]] tables");
      }
      for (const auto& node : *classes->as_array()) {
        const toml::table& c = *node.as_table();
        const std::string cp = p + "residence_country.";
        TRY(r.OnlyKeys(c, cp, {"name", "points", "lists", "countries", "outside_eu_eea_oecd"}));
        CountryClass cls;
        Assign(cls.name, TRY(r.String(c, cp, "name")));
        if (cls.name.empty()) return r.Bad(c, cp + "name", "missing");
        Assign(cls.points, TRY(r.Int(c, cp, "points", 0, 1'000'000)));
        cls.lists = TRY(r.Strings(c, cp, "lists"));
        for (const std::string& id : cls.lists) {
          if (!ref.List(id)) return r.Bad(c, cp + "lists", "unknown country list '" + id + "'");
        }
        for (const std::string& code : TRY(r.Strings(c, cp, "countries"))) {
          if (!ref.Country(code)) return r.Bad(c, cp + "countries", "unknown country code '" + code + "'");
          cls.countries.insert(code);
        }
        Assign(cls.outside_eu_eea_oecd, TRY(r.Bool(c, cp, "outside_eu_eea_oecd")));
        m.own.residence_country.push_back(std::move(cls));
      }
    }
    if (const toml::table* forms = TRY(r.Table(*own, p, "legal_form", false))) {
      for (const auto& [key, node] : *forms) {
        if (!node.is_integer() || node.value<int64_t>().value() < 0) {
          return r.Bad(node, p + "legal_form." + std::string(key.str()), "expected points >= 0");
        }
        m.own.legal_form_points.emplace_back(std::string(key.str()),
                                             static_cast<int>(node.value<int64_t>().value()));
      }
    }
    Assign(m.own.remote_onboarding_points, TRY(r.Int(*own, p, "remote_onboarding", 0, 1'000'000)));
    Assign(m.own.cash_intensive_nace_points, TRY(r.Int(*own, p, "cash_intensive_nace", 0, 1'000'000)));
  }
  TRY(ParseMonitoring(r, root, ref, m.monitoring));
  return m;
}

Result<Methodology> LoadMethodology(const std::string& path, const ReferenceData& ref) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(Location{path, 0, 0}, "", "cannot read the methodology file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseMethodology(buffer.str(), path, ref);
}

Result<Methodology> DefaultMethodology(const ReferenceData& ref) {
  const std::string path = "data/methodology/default.toml";
  auto text = FindEmbeddedFile(path);
  if (!text) return Fail("the shipped methodology " + path + " is missing");
  return ParseMethodology(*text, "(built-in) " + path, ref);
}

std::optional<std::string> ReviewOverdueWarning(const Methodology& m, Date today) {
  Date due = AddMonths(m.points_reviewed_on, m.points_review_interval_months);
  if (today <= due) return std::nullopt;
  return "methodology " + m.version + ": factor points were last reviewed on " +
         FormatDate(m.points_reviewed_on) + ", more than " +
         std::to_string(m.points_review_interval_months) +
         " months ago (regulation No. 135 point 14 requires a review at least every 18 months; "
         "review due since " + FormatDate(due) + ")";
}

std::optional<std::string> NotYetEffectiveWarning(const Methodology& m, Date as_of) {
  if (as_of >= m.effective_from) return std::nullopt;
  return "methodology " + m.version + " is effective from " + FormatDate(m.effective_from) + ", after the as-of date " +
         FormatDate(as_of) + "; scores are computed with it all the same";
}

}  // namespace sargs
