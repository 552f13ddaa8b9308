// Name matching quality and speed on the labelled name pairs of
// tests/data/namematch/name_bench_cases.csv (826 pairs from OpenSanctions'
// nomenklatura name_bench; see the README there), against the OpenSanctions
// logic-v2 matcher's frozen scores for the same pairs.
//
//   build/name_match_bench [DIR] [--errors]
//
// DIR holds name_bench_cases.csv and name_bench_logicv2_results.csv
// (default: tests/data/namematch, run from the source root). Prints:
//   - the threshold sweep and the best threshold, and precision, recall, F1
//     at kDefaultScreeningThreshold, overall and per category, case_group,
//     schema and quality; the baseline's F1 beside each;
//   - a held-out check: the threshold chosen on even rows, F1 on odd rows
//     (and the reverse), so a rule that only memorises cases shows up;
//   - normalisation throughput (names/s) and pair-scoring throughput
//     (pairs/s on pre-normalised names), on one core.
// --errors lists every misclassified pair with the scorer's explanation.
// --query-extra=, --list-extra=, --uncertain-list-extra=, --floor=, --full=, --initial=, --mismatch=,
// --fuzzy-share=, --nickname=, --phonetic=, --phonetic-gate= and
// --patronymic-cross= override the NameScorerOptions and --threshold= the threshold, to explore the
// parameters (the held-out line shows whether a change generalises).
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "base/csv.h"
#include "screening/name_normalizer.h"
#include "screening/name_scorer.h"

namespace {

using namespace sargs;

struct Case {
  std::string group, schema, name1, name2, quality, category;
  bool is_match = false;
  float score = 0;
  float baseline = -1;  // logic-v2's score, -1 when absent
  NormalizedName q, l;
};

struct Counts {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  void Add(bool truth, bool predicted) {
    if (truth && predicted) ++tp;
    else if (!truth && predicted) ++fp;
    else if (truth && !predicted) ++fn;
    else ++tn;
  }
  double Precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
  double F1() const {
    const double p = Precision(), r = Recall();
    return tp == 0 ? (fn == 0 && fp == 0 ? 1.0 : 0.0) : 2 * p * r / (p + r);
  }
  int n() const { return tp + fp + fn + tn; }
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

PartyType TypeOfSchema(const std::string& schema) {
  if (schema == "Person") return PartyType::kPerson;
  if (schema == "Company" || schema == "Organization" || schema == "LegalEntity") return PartyType::kOrganisation;
  return PartyType::kUnknown;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// The threshold in [0.30, 0.95] with the best F1 over `rows` (every case
// when `parity` < 0, else the rows with index % 2 == parity).
float BestThreshold(const std::vector<Case>& cases, int parity, double* best_f1) {
  float best = 0.5f;
  *best_f1 = -1;
  for (int t = 30; t <= 95; ++t) {
    const float threshold = t / 100.0f;
    Counts c;
    for (size_t i = 0; i < cases.size(); ++i) {
      if (parity >= 0 && static_cast<int>(i % 2) != parity) continue;
      c.Add(cases[i].is_match, cases[i].score >= threshold);
    }
    if (c.F1() > *best_f1 + 1e-12) {
      *best_f1 = c.F1();
      best = threshold;
    }
  }
  return best;
}

Counts Evaluate(const std::vector<Case>& cases, float threshold, int parity = -1, bool baseline = false) {
  Counts c;
  for (size_t i = 0; i < cases.size(); ++i) {
    if (parity >= 0 && static_cast<int>(i % 2) != parity) continue;
    const float s = baseline ? cases[i].baseline : cases[i].score;
    if (baseline && s < 0) continue;
    c.Add(cases[i].is_match, s >= threshold);
  }
  return c;
}

void PrintSlices(const char* title, const std::vector<Case>& cases, float threshold,
                 std::string Case::*field) {
  std::map<std::string, std::pair<Counts, Counts>> slices;
  for (const Case& c : cases) {
    auto& [ours, theirs] = slices[c.*field];
    ours.Add(c.is_match, c.score >= threshold);
    if (c.baseline >= 0) theirs.Add(c.is_match, c.baseline >= 0.7f);
  }
  std::printf("\nper %s (threshold %.2f; logic-v2 at 0.70)\n", title, threshold);
  std::printf("  %-34s %5s %5s %5s %5s %5s  %6s %6s %6s  %8s\n", title, "n", "TP", "FP", "FN", "TN", "prec",
              "recall", "F1", "logic-v2");
  for (const auto& [name, counts] : slices) {
    const Counts& c = counts.first;
    std::printf("  %-34.34s %5d %5d %5d %5d %5d  %6.3f %6.3f %6.3f  %8.3f\n", name.empty() ? "(blank)" : name.c_str(),
                c.n(), c.tp, c.fp, c.fn, c.tn, c.Precision(), c.Recall(), c.F1(), counts.second.F1());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "tests/data/namematch";
  bool show_errors = false;
  NameScorerOptions options;
  float threshold_override = -1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&](const char* prefix, float* out) {
      if (arg.rfind(prefix, 0) != 0) return false;
      *out = std::stof(arg.substr(std::strlen(prefix)));
      return true;
    };
    if (arg == "--errors") {
      show_errors = true;
    } else if (value("--query-extra=", &options.query_extra_weight) ||
               value("--list-extra=", &options.list_extra_weight) ||
               value("--uncertain-list-extra=", &options.uncertain_list_extra_weight) ||
               value("--floor=", &options.similarity_floor) || value("--full=", &options.similarity_full) ||
               value("--initial=", &options.initial_similarity) || value("--mismatch=", &options.mismatch_weight) ||
               value("--fuzzy-share=", &options.fuzzy_mismatch_share) ||
               value("--nickname=", &options.nickname_similarity) ||
               value("--phonetic=", &options.phonetic_similarity) ||
               value("--phonetic-gate=", &options.phonetic_gate) ||
               value("--patronymic-cross=", &options.patronymic_cross_factor) ||
               value("--threshold=", &threshold_override)) {
    } else {
      dir = arg;
    }
  }
  auto normalizer_or = NameNormalizer::Create();
  if (!normalizer_or) {
    std::fprintf(stderr, "%s\n", normalizer_or.error().ToString().c_str());
    return 1;
  }
  NameNormalizer& normalizer = **normalizer_or;
  const NameScorer scorer(options);

  CsvOptions csv;
  csv.comments = true;
  const std::string cases_path = dir + "/name_bench_cases.csv";
  const std::string cases_text = ReadFile(cases_path);
  auto rows = ParseCsv(cases_text, cases_path, csv);
  if (!rows) {
    std::fprintf(stderr, "%s\n", rows.error().ToString().c_str());
    return 1;
  }
  std::vector<Case> cases;
  std::map<std::string, size_t> by_key;
  for (size_t r = 1; r < rows->size(); ++r) {
    const auto& f = (*rows)[r].fields;
    if (f.size() < 8) continue;
    Case c;
    c.group = f[0].value;
    c.schema = f[1].value;
    c.name1 = f[2].value;
    c.name2 = f[3].value;
    c.is_match = f[4].value == "true";
    c.quality = f[5].value.empty() ? "MEDIUM" : f[5].value;
    c.category = f[6].value;
    by_key[c.group + "\x1f" + c.schema + "\x1f" + c.name1 + "\x1f" + c.name2] = cases.size();
    cases.push_back(std::move(c));
  }
  // The baseline: logic-v2's frozen run over the same pairs.
  const std::string base_path = dir + "/name_bench_logicv2_results.csv";
  const std::string base_text = ReadFile(base_path);
  auto base_rows = ParseCsv(base_text, base_path, csv);
  Counts baseline_own;  // logic-v2 over every row of its own file
  if (base_rows) {
    for (size_t r = 1; r < base_rows->size(); ++r) {
      const auto& f = (*base_rows)[r].fields;
      if (f.size() < 12) continue;
      baseline_own.Add(f[5].value == "true", std::stof(f[9].value) >= 0.7f);
      const auto it = by_key.find(f[0].value + "\x1f" + f[2].value + "\x1f" + f[3].value + "\x1f" + f[4].value);
      if (it != by_key.end()) cases[it->second].baseline = std::stof(f[9].value);
    }
  }

  // Normalisation throughput: every name of the file, repeated.
  auto start = std::chrono::steady_clock::now();
  int64_t names = 0;
  do {
    for (Case& c : cases) {
      const PartyType kind = TypeOfSchema(c.schema);
      c.q = normalizer.Normalize(c.name1, kind);
      c.l = normalizer.Normalize(c.name2, kind);
      names += 2;
    }
  } while (Seconds(start) < 1.0);
  const double normalise_rate = names / Seconds(start);

  for (Case& c : cases) c.score = scorer.Score(c.q, c.l);

  // Pair scoring throughput: the labelled pairs (mostly similar names, the
  // expensive case), and every query against every list name (mostly
  // unrelated names, what a candidate index hands the scorer).
  start = std::chrono::steady_clock::now();
  int64_t pairs = 0;
  volatile float sink = 0;
  do {
    for (const Case& c : cases) sink = sink + scorer.Score(c.q, c.l);
    pairs += cases.size();
  } while (Seconds(start) < 1.0);
  const double pair_rate = pairs / Seconds(start);
  start = std::chrono::steady_clock::now();
  int64_t cross = 0;
  for (const Case& a : cases) {
    for (const Case& b : cases) sink = sink + scorer.Score(a.q, b.l);
    cross += cases.size();
  }
  const double cross_rate = cross / Seconds(start);

  double best_f1 = 0;
  const float best = BestThreshold(cases, -1, &best_f1);
  const float fixed = threshold_override >= 0 ? threshold_override : kDefaultScreeningThreshold;
  const Counts at_fixed = Evaluate(cases, fixed);
  const Counts baseline = Evaluate(cases, 0.7f, -1, true);

  std::printf("name_match_bench: %zu labelled pairs from %s\n\n", cases.size(), cases_path.c_str());
  std::printf("threshold sweep (F1):");
  for (int t = 50; t <= 90; t += 2) {
    if ((t - 50) % 20 == 0) std::printf("\n  ");
    std::printf(" %.2f:%.3f", t / 100.0, Evaluate(cases, t / 100.0f).F1());
  }
  std::printf("\n\nbest threshold on all rows: %.2f (F1 %.3f)\n", best, best_f1);
  std::printf("kDefaultScreeningThreshold = %.2f: precision %.3f recall %.3f F1 %.3f (TP %d FP %d FN %d TN %d)\n",
              fixed, at_fixed.Precision(), at_fixed.Recall(), at_fixed.F1(), at_fixed.tp, at_fixed.fp,
              at_fixed.fn, at_fixed.tn);
  std::printf("baseline logic-v2 at 0.70, all %d rows of its run: precision %.3f recall %.3f F1 %.3f\n",
              baseline_own.n(), baseline_own.Precision(), baseline_own.Recall(), baseline_own.F1());
  Counts ours_common;
  for (const Case& c : cases) {
    if (c.baseline >= 0) ours_common.Add(c.is_match, c.score >= fixed);
  }
  std::printf("on the %d pairs present in both files: logic-v2 F1 %.3f, this scorer F1 %.3f\n", baseline.n(),
              baseline.F1(), ours_common.F1());
  double f1_even = 0, f1_odd = 0;
  const float t_even = BestThreshold(cases, 0, &f1_even);
  const float t_odd = BestThreshold(cases, 1, &f1_odd);
  std::printf("held out: threshold %.2f chosen on even rows (F1 %.3f) gives F1 %.3f on odd rows;\n", t_even,
              f1_even, Evaluate(cases, t_even, 1).F1());
  std::printf("          threshold %.2f chosen on odd rows (F1 %.3f) gives F1 %.3f on even rows\n", t_odd, f1_odd,
              Evaluate(cases, t_odd, 0).F1());

  PrintSlices("case_group", cases, fixed, &Case::group);
  PrintSlices("schema", cases, fixed, &Case::schema);
  PrintSlices("quality", cases, fixed, &Case::quality);
  PrintSlices("category", cases, fixed, &Case::category);

  std::printf("\nthroughput (one core):\n");
  std::printf("  normalisation:               %10.0f names/s\n", normalise_rate);
  std::printf("  scoring, labelled pairs:     %10.0f pairs/s (%.0f ns/pair)\n", pair_rate, 1e9 / pair_rate);
  std::printf("  scoring, all x all (%zux%zu): %10.0f pairs/s (%.0f ns/pair)\n", cases.size(), cases.size(),
              cross_rate, 1e9 / cross_rate);

  if (show_errors) {
    std::printf("\nmisclassified at %.2f:\n", fixed);
    for (size_t i = 0; i < cases.size(); ++i) {
      const Case& c = cases[i];
      if ((c.score >= fixed) == c.is_match) continue;
      std::printf("\n[%zu] %s %s %s %s | %s | %s  score %.3f (logic-v2 %.3f)\n", i + 2, c.is_match ? "FN" : "FP",
                  c.group.c_str(), c.schema.c_str(), c.name1.c_str(), c.name2.c_str(), c.quality.c_str(), c.score,
                  c.baseline);
      ScreeningScore s;
      s.name = scorer.Explain(c.q, c.l);
      s.score = s.name.score;
      std::printf("%s", DescribeScore(c.q, c.l, s).c_str());
    }
  }
  return sink < -1 ? 1 : 0;
}
