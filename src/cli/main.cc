// sargs: the command line of the Sargs risk engine.
#include <cstdio>

#include "base/memory_policy.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace sargs::cli;
  sargs::HeapOnHugePages(argv);
  sargs::KeepFreedMemory();
  CLI::App app{"Sargs — client risk scoring and due diligence under FCMC regulation No. 135"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "sargs 0.1.0");
  Outcome outcome;
  RegisterImport(app, outcome);
  RegisterScore(app, outcome);
  RegisterExplain(app, outcome);
  RegisterSummary(app, outcome);
  RegisterCalendar(app, outcome);
  RegisterDemo(app, outcome);
  RegisterTransactions(app, outcome);
  RegisterMonitor(app, outcome);
  RegisterAlerts(app, outcome);
  RegisterReference(app, outcome);
  RegisterLists(app, outcome);
  RegisterScreen(app, outcome);
  RegisterHits(app, outcome);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitBadInput;
  }
  return outcome.code;
}
