// Detection quality of the graph detectors (src/monitoring/graph.h) on the
// labelled IBM AMLSim sample sets in tests/data/amlsim/.
//
//   build/amlsim_eval_bench [DIR] [--sweep]
//
// DIR holds the three archives (default: tests/data/amlsim, relative to the
// working directory). Each archive is unpacked with `tar` into a temporary
// directory, which is removed again. AMLSim step k becomes day k after
// 2026-01-01, i.e. time = k * 86 400 seconds.
//
// Quality is measured per account, because AMLSim labels accounts, not
// transfers: an account is flagged when it belongs to a detected pattern of
// the typology (a fan's hub and counterparties, the recipient of an A2.24
// onward payment, a ring's members) and positive when isFraud = 1. The
// combined set labels both typologies the same way, so there each detector
// is measured against all positive accounts, which caps its recall at about
// half. Every detector runs with and without its amount conditions.
// --sweep also prints the parameter grid the chosen parameters came from.
// docs/monitoring_amlsim.md records the output and explains it.
#include <stdlib.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/csv.h"
#include "monitoring/graph.h"

namespace {

using namespace sargs;
namespace fs = std::filesystem;

constexpr int64_t kDay = kSecondsPerDay;

// A directory under the system's temporary directory, removed with
// everything in it when this goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "sargs-amlsim-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary directory");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Thrown to main, so that unwinding removes the temporary directory.
struct Failure {
  std::string message;
};

[[noreturn]] void Die(const std::string& message) { throw Failure{message}; }

std::string ReadWhole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Die("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path FindFile(const fs::path& root, const std::string& name) {
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().filename() == name) return entry.path();
  }
  Die("no " + name + " in the archive");
}

void CheckHeader(const CsvRecord& r, const std::vector<std::string>& expected, const std::string& file) {
  bool same = r.fields.size() == expected.size();
  for (size_t i = 0; same && i < expected.size(); ++i) same = r.fields[i].value == expected[i];
  if (!same) Die(file + ":" + std::to_string(r.line) + ": unexpected header");
}

int64_t ParseInt(const CsvField& f, const std::string& file) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(f.value.data(), f.value.data() + f.value.size(), v);
  if (ec != std::errc() || end != f.value.data() + f.value.size()) {
    Die(file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": not an integer: '" +
        f.value + "'");
  }
  return v;
}

struct DataSet {
  std::string name;
  std::vector<uint8_t> positive;  // by account: isFraud
  std::vector<GraphEdge> edges;   // id = row number in transactions.csv (from 0)
  int64_t positives = 0;
  int64_t positives_without_step = 0;        // positives whose fraudStep is -1
  int64_t positives_in_small_transfers = 0;  // see the end of Load
};

// Reads `nodes.csv` (nodeid,isFraud,init_balance,fraudStep) and
// `transactions.csv` (sourceNodeId,targetNodeId,value,time).
DataSet Load(const fs::path& archive) {
  DataSet d;
  d.name = archive.stem().string();
  if (!fs::is_regular_file(archive)) Die("no archive " + archive.string());
  TempDir dir;
  std::string command = "tar -xzf " + ShellQuote(archive.string()) + " -C " + ShellQuote(dir.path().string());
  if (std::system(command.c_str()) != 0) Die("failed: " + command);

  const fs::path nodes_path = FindFile(dir.path(), "nodes.csv");
  const std::string nodes_text = ReadWhole(nodes_path);
  const std::string nodes_name = d.name + "/nodes.csv";
  CsvReader nodes(nodes_text, nodes_name);
  CsvRecord r;
  bool header = true;
  while (true) {
    auto more = nodes.Next(r);
    if (!more) Die(more.error().ToString());
    if (!*more) break;
    if (std::exchange(header, false)) {
      CheckHeader(r, {"nodeid", "isFraud", "init_balance", "fraudStep"}, nodes_name);
      continue;
    }
    if (r.fields.size() != 4) Die(nodes_name + ":" + std::to_string(r.line) + ": expected 4 fields");
    const int64_t id = ParseInt(r.fields[0], nodes_name);
    if (id < 0 || id > 100'000'000) {
      Die(nodes_name + ":" + std::to_string(r.line) + ": account number out of range");
    }
    if (d.positive.size() <= static_cast<size_t>(id)) d.positive.resize(static_cast<size_t>(id) + 1, 0);
    const bool positive = ParseInt(r.fields[1], nodes_name) == 1;
    d.positive[static_cast<size_t>(id)] = positive;
    d.positives_without_step += positive && ParseInt(r.fields[3], nodes_name) == -1;
  }
  for (uint8_t p : d.positive) d.positives += p;

  const std::string tx_text = ReadWhole(FindFile(dir.path(), "transactions.csv"));
  const std::string tx_name = d.name + "/transactions.csv";
  CsvReader txs(tx_text, tx_name);
  header = true;
  while (true) {
    auto more = txs.Next(r);
    if (!more) Die(more.error().ToString());
    if (!*more) break;
    if (std::exchange(header, false)) {
      CheckHeader(r, {"sourceNodeId", "targetNodeId", "value", "time"}, tx_name);
      continue;
    }
    if (r.fields.size() != 4) Die(tx_name + ":" + std::to_string(r.line) + ": expected 4 fields");
    GraphEdge e;
    const int64_t from = ParseInt(r.fields[0], tx_name), to = ParseInt(r.fields[1], tx_name);
    if (from < 0 || to < 0 || static_cast<size_t>(std::max(from, to)) >= d.positive.size()) {
      Die(tx_name + ":" + std::to_string(r.line) + ": unknown account");
    }
    e.from = static_cast<uint32_t>(from);
    e.to = static_cast<uint32_t>(to);
    auto amount = Money::Parse(r.fields[2].value);
    if (!amount) Die(tx_name + ":" + std::to_string(r.line) + ": " + amount.error().message);
    e.amount = *amount;
    e.time = ParseInt(r.fields[3], tx_name) * kDay;
    e.id = static_cast<uint32_t>(d.edges.size());
    d.edges.push_back(e);
  }
  // A fact about the data, not a detector: how many positive accounts take
  // part in any transfer of less than 100 EUR between two positive accounts
  // (every AMLSim laundering transfer is one; no other transfer is).
  std::vector<uint8_t> touched(d.positive.size(), 0);
  for (const GraphEdge& e : d.edges) {
    if (e.amount < Money::FromEuros(100) && d.positive[e.from] && d.positive[e.to]) {
      touched[e.from] = touched[e.to] = 1;
    }
  }
  for (uint8_t t : touched) d.positives_in_small_transfers += t;
  return d;
}

struct Score {
  int64_t flagged = 0, hits = 0, patterns = 0;
  double seconds = 0;
};

// Runs `detect`, which marks the accounts of each pattern in `flagged` and
// returns the number of patterns, and scores it against the labels.
Score Evaluate(const DataSet& d, const std::function<int64_t(std::vector<uint8_t>&)>& detect) {
  std::vector<uint8_t> flagged(d.positive.size(), 0);
  auto start = std::chrono::steady_clock::now();
  Score s;
  s.patterns = detect(flagged);
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (size_t a = 0; a < flagged.size(); ++a) {
    s.flagged += flagged[a];
    s.hits += flagged[a] && d.positive[a];
  }
  return s;
}

template <typename T>
T OrDie(Result<T> r) {
  if (!r) Die(r.error().ToString());
  return std::move(*r);
}

int64_t MarkFans(const std::vector<FanPattern>& fans, std::vector<uint8_t>& flagged) {
  for (const FanPattern& f : fans) {
    flagged[f.hub] = 1;
    for (uint32_t a : f.counterparties) flagged[a] = 1;
  }
  return static_cast<int64_t>(fans.size());
}

struct Detector {
  std::string name;
  std::string parameters;
  std::function<int64_t(const DataSet&, std::vector<uint8_t>&)> run;
};

// The parameters of the table in docs/monitoring_amlsim.md; the sweep below
// is where they come from, and the document says why.
// AMLSim spreads one pattern's transfers over months (a fan-in's payers
// pay 37 steps apart, a ring's members at independent random steps), so the
// windows span the whole simulation; it draws laundering transfers below
// 100 EUR and every other transfer from 100 EUR up, so "small" is 99.99 EUR
// and a ring's hops must carry exactly the first hop's amount.
constexpr int kFanInSenders = 2;
constexpr int64_t kFanInWindow = 149 * kDay;
const Money kSmall = Money::FromCents(99'99);
constexpr int kCycleHops = 6;
constexpr int64_t kCycleWindow = 149 * kDay;
constexpr int kCycleTolerance = 0;

FanInOptions FanInParams(bool amounts, int senders = kFanInSenders, int64_t window = kFanInWindow) {
  FanInOptions o;
  o.min_senders = senders;
  o.window = window;
  if (amounts) o.max_small = kSmall;
  return o;
}

FanInThenOutOptions A224Params(bool amounts, int senders = kFanInSenders, int64_t window = kFanInWindow) {
  FanInThenOutOptions o;
  o.min_senders = senders;
  o.window = window;
  o.max_small = amounts ? std::optional<Money>(kSmall) : std::nullopt;
  o.min_out_share_percent = amounts ? 50 : 0;
  return o;
}

CycleOptions CycleParams(bool amounts, CycleOrder order, int hops = kCycleHops, int64_t window = kCycleWindow,
                         int tolerance = kCycleTolerance) {
  CycleOptions o;
  o.max_hops = hops;
  o.window = window;
  o.order = order;
  o.hop_tolerance_percent = amounts ? std::optional<int>(tolerance) : std::nullopt;
  return o;
}

Detector FanInDetector(bool amounts, int senders = kFanInSenders, int64_t window = kFanInWindow) {
  FanInOptions o = FanInParams(amounts, senders, window);
  std::string p = "senders>=" + std::to_string(o.min_senders) + ", window " +
                  std::to_string(o.window / kDay) + " d" +
                  (amounts ? ", each <= " + kSmall.ToString() + " EUR" : "");
  return {"fan-in", p, [o](const DataSet& d, std::vector<uint8_t>& flagged) {
            return MarkFans(OrDie(FindFanIns(d.edges, o)), flagged);
          }};
}

enum class Onward { kFlagged, kNotFlagged };

Detector A224Detector(bool amounts, int senders = kFanInSenders, int64_t window = kFanInWindow,
                      Onward onward = Onward::kFlagged) {
  FanInThenOutOptions o = A224Params(amounts, senders, window);
  std::string p = "senders>=" + std::to_string(o.min_senders) + ", window " +
                  std::to_string(o.window / kDay) + " d" +
                  (amounts ? ", each <= " + kSmall.ToString() + " EUR, onward >= 50 %" : "");
  std::string name = onward == Onward::kFlagged ? "fan-in -> out (A2.24)"
                                                : "fan-in -> out (A2.24), onward recipient not counted";
  return {name, p, [o, onward](const DataSet& d, std::vector<uint8_t>& flagged) {
            auto found = OrDie(FindFanInThenOut(d.edges, o));
            for (const FanInThenOutPattern& f : found) {
              flagged[f.fan_in.hub] = 1;
              for (uint32_t a : f.fan_in.counterparties) flagged[a] = 1;
              if (onward == Onward::kFlagged) flagged[f.onward.to] = 1;
            }
            return static_cast<int64_t>(found.size());
          }};
}

Detector CycleDetector(bool amounts, CycleOrder order, int hops = kCycleHops, int64_t window = kCycleWindow,
                       int tolerance = kCycleTolerance) {
  CycleOptions o = CycleParams(amounts, order, hops, window, tolerance);
  std::string p = "hops<=" + std::to_string(o.max_hops) + ", window " + std::to_string(o.window / kDay) +
                  " d" + (amounts ? ", hops within " + std::to_string(tolerance) + " % of the first" : "");
  return {order == CycleOrder::kTimeOrdered ? "cycle, time-ordered (A2.30)" : "cycle, any order", p,
          [o](const DataSet& d, std::vector<uint8_t>& flagged) {
            auto found = OrDie(FindCycles(d.edges, o));
            for (const CyclePattern& c : found) {
              for (uint32_t a : c.accounts) flagged[a] = 1;
            }
            return static_cast<int64_t>(found.size());
          }};
}

std::string Ratio(int64_t num, int64_t den) {
  if (den == 0) return "n/a";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(num) / static_cast<double>(den));
  return buf;
}

void PrintHeader() {
  std::printf(
      "| data set | detector | amount conditions | parameters | patterns | flagged | true pos. | "
      "precision | recall | time |\n");
  std::printf("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
}

void PrintRow(const DataSet& d, const Detector& det, bool amounts, const std::string& against = "") {
  Score s = Evaluate(d, [&](std::vector<uint8_t>& flagged) { return det.run(d, flagged); });
  std::printf("| %s%s | %s | %s | %s | %lld | %lld | %lld | %s | %s | %.3f s |\n", d.name.c_str(),
              against.c_str(), det.name.c_str(), amounts ? "with" : "without", det.parameters.c_str(),
              static_cast<long long>(s.patterns), static_cast<long long>(s.flagged),
              static_cast<long long>(s.hits), Ratio(s.hits, s.flagged).c_str(),
              Ratio(s.hits, d.positives).c_str(), s.seconds);
  std::fflush(stdout);
}

void Sweep(const DataSet& fanin, const DataSet& cycle) {
  std::printf("\n## Sweep (how the parameters above were chosen)\n\n");
  PrintHeader();
  for (int senders : {2, 3, 4}) {
    for (int64_t days : {7, 30, 37, 74, 111, 149}) {
      PrintRow(fanin, FanInDetector(true, senders, days * kDay), true);
    }
  }
  // Without amount conditions more payers or a shorter window flag fewer
  // accounts, but not more precisely.
  for (int senders : {5, 10}) {
    for (int64_t days : {30, 149}) PrintRow(fanin, FanInDetector(false, senders, days * kDay), false);
  }
  for (int senders : {2, 3}) {
    for (int64_t days : {30, 37, 74, 149}) PrintRow(fanin, A224Detector(true, senders, days * kDay), true);
  }
  PrintRow(fanin, A224Detector(true, kFanInSenders, kFanInWindow, Onward::kNotFlagged), true);
  for (CycleOrder order : {CycleOrder::kTimeOrdered, CycleOrder::kAnyOrder}) {
    for (int64_t days : {7, 30, 60, 90, 149}) {
      for (int hops : {4, 6, 8}) PrintRow(cycle, CycleDetector(true, order, hops, days * kDay, 0), true);
    }
    for (int tolerance : {10, 50}) {
      PrintRow(cycle, CycleDetector(true, order, 6, 149 * kDay, tolerance), true);
    }
  }
  // Without amount conditions short windows flag fewer accounts.
  for (int64_t days : {7, 14, 30}) {
    for (CycleOrder order : {CycleOrder::kTimeOrdered, CycleOrder::kAnyOrder}) {
      PrintRow(cycle, CycleDetector(false, order, 6, days * kDay), false);
    }
  }
}

int Run(int argc, char** argv) {
  fs::path dir = "tests/data/amlsim";
  bool sweep = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--sweep") {
      sweep = true;
    } else if (arg.starts_with("-")) {
      Die("usage: amlsim_eval_bench [DIR] [--sweep]");
    } else {
      dir = arg;
    }
  }

  std::vector<DataSet> sets;
  for (const char* name : {"20K_fanin200", "20K_cycle200", "20K_fanin200cycle200"}) {
    auto start = std::chrono::steady_clock::now();
    sets.push_back(Load(dir / (std::string(name) + ".tgz")));
    const DataSet& d = sets.back();
    std::printf(
        "%s: %zu accounts, %zu transfers, %lld positive (%lld with fraudStep -1, %lld in a transfer below "
        "100 EUR between positives); unpacked and parsed in %.3f s\n",
        d.name.c_str(), d.positive.size(), d.edges.size(), static_cast<long long>(d.positives),
        static_cast<long long>(d.positives_without_step),
        static_cast<long long>(d.positives_in_small_transfers),
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  const DataSet& fanin = sets[0];
  const DataSet& cycle = sets[1];
  const DataSet& both = sets[2];

  std::printf("\n");
  PrintHeader();
  for (bool amounts : {true, false}) {
    PrintRow(fanin, FanInDetector(amounts), amounts);
    PrintRow(fanin, A224Detector(amounts), amounts);
  }
  for (bool amounts : {true, false}) {
    for (CycleOrder order : {CycleOrder::kTimeOrdered, CycleOrder::kAnyOrder}) {
      PrintRow(cycle, CycleDetector(amounts, order), amounts);
    }
  }
  const std::string all = " (vs all positives)";
  for (bool amounts : {true, false}) {
    PrintRow(both, FanInDetector(amounts), amounts, all);
    PrintRow(both, A224Detector(amounts), amounts, all);
    for (CycleOrder order : {CycleOrder::kTimeOrdered, CycleOrder::kAnyOrder}) {
      PrintRow(both, CycleDetector(amounts, order), amounts, all);
    }
  }
  if (sweep) Sweep(fanin, cycle);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const Failure& f) {
    std::fprintf(stderr, "amlsim_eval_bench: %s\n", f.message.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "amlsim_eval_bench: %s\n", e.what());
  }
  return 1;
}
