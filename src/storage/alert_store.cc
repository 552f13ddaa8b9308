// Store: monitoring alerts and their append-only audit log.
//
// An alert is identified by (rule, client, window): adding one that exists
// changes nothing, so re-running the monitor never raises a duplicate. Every
// change of an alert's status is a row in alert_audit, which SQL triggers
// keep append-only.
#include "storage/store.h"

namespace sargs {
namespace {

std::vector<std::string> SplitIds(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(';', pos);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

AlertStatus ParseStatus(std::string_view s) {
  return s == "confirmed" ? AlertStatus::kConfirmed : s == "dismissed" ? AlertStatus::kDismissed : AlertStatus::kOpen;
}

}  // namespace

Result<bool> Store::AddAlert(Alert& a) {
  auto* ins = TRY(Prepared("alert_add", R"sql(
    INSERT OR IGNORE INTO alerts (rule, factor, client_id, window_start, window_end, amount_cents, tx_ids,
                                  explanation, status)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open'))sql"));
  ins->Bind(1, a.rule).Bind(2, a.factor).Bind(3, a.client_id).Bind(4, FormatDate(a.window_start));
  ins->Bind(5, FormatDate(a.window_end)).Bind(6, a.amount.cents()).Bind(7, a.TxIdList()).Bind(8, a.explanation);
  TRY(ins->Run());
  if (db_.Changes() == 0) return false;
  auto* added = TRY(Prepared("alert_added", "SELECT id, created_at, updated_at FROM alerts WHERE id = last_insert_rowid()"));
  TRY(added->Step());
  a.id = added->Int(0);
  a.created_at = added->Text(1);
  a.updated_at = added->Text(2);
  added->Reset();
  TRY(AuditAlert(a.id, "raised", a.explanation, "sargs"));
  return true;
}

Result<bool> Store::AuditAlert(int64_t alert_id, const std::string& action, const std::string& note,
                               const std::string& author) {
  auto* ins = TRY(Prepared("alert_audit", "INSERT INTO alert_audit (alert_id, action, note, author) VALUES (?1, ?2, ?3, ?4)"));
  return ins->Bind(1, alert_id).Bind(2, action).BindTextOrNull(3, note).Bind(4, author).Run();
}

Result<std::vector<Alert>> Store::Alerts(std::optional<AlertStatus> status, std::optional<int64_t> id) {
  std::string sql =
      "SELECT id, rule, factor, client_id, window_start, window_end, amount_cents, tx_ids, explanation, status, "
      "created_at, updated_at FROM alerts WHERE 1=1";
  if (status) sql += " AND status = ?1";
  if (id) sql += " AND id = ?2";
  auto q = TRY(db_.Prepare(sql + " ORDER BY id"));
  if (status) q.Bind(1, ToString(*status));
  if (id) q.Bind(2, *id);
  std::vector<Alert> out;
  while (TRY(q.Step())) {
    Alert a;
    a.id = q.Int(0);
    a.rule = q.Text(1);
    a.factor = q.Text(2);
    a.client_id = q.Text(3);
    a.window_start = ParseDate(q.Text(4)).value_or(Date());
    a.window_end = ParseDate(q.Text(5)).value_or(Date());
    a.amount = Money::FromCents(q.Int(6));
    a.tx_ids = SplitIds(q.Text(7));
    a.explanation = q.Text(8);
    a.status = ParseStatus(q.Text(9));
    a.created_at = q.Text(10);
    a.updated_at = q.Text(11);
    out.push_back(std::move(a));
  }
  return out;
}

Result<Alert> Store::CloseAlert(int64_t alert_id, AlertStatus decision, const std::string& note,
                                const std::string& author) {
  auto found = TRY(Alerts(std::nullopt, alert_id));
  if (found.empty()) return Fail(Location{}, "alert_id", "no alert " + std::to_string(alert_id));
  Alert a = found.front();
  if (a.status != AlertStatus::kOpen) {
    return Fail(Location{}, "alert_id",
                "alert " + std::to_string(alert_id) + " is already " + ToString(a.status) + " (decisions are final)");
  }
  if (decision == AlertStatus::kOpen) return Fail(Location{}, "decision", "a decision is confirmed or dismissed");
  if (decision == AlertStatus::kDismissed && note.empty()) {
    return Fail(Location{}, "note", "dismissing an alert needs a note saying why");
  }
  auto* upd = TRY(Prepared("alert_close", R"sql(
    UPDATE alerts SET status = ?2, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1)sql"));
  TRY(upd->Bind(1, alert_id).Bind(2, ToString(decision)).Run());
  TRY(AuditAlert(alert_id, ToString(decision), note, author));
  if (decision == AlertStatus::kConfirmed) {
    // A confirmed alert is the annex 2 factor, found: it enters the score
    // like any analyst's finding, dated by the end of the alert's window.
    TRY(Put(Fact{a.client_id, a.factor, a.window_end, std::nullopt,
                 "alert " + std::to_string(alert_id) + " confirmed: " + (note.empty() ? a.explanation : note), author}));
  }
  a.status = decision;
  return a;
}

Result<std::vector<AlertAuditEntry>> Store::AlertAudit(int64_t alert_id) {
  auto q = TRY(db_.Prepare("SELECT alert_id, action, note, author, at FROM alert_audit WHERE alert_id = ?1 ORDER BY id"));
  q.Bind(1, alert_id);
  std::vector<AlertAuditEntry> out;
  while (TRY(q.Step())) {
    out.push_back(AlertAuditEntry{q.Int(0), std::string(q.Text(1)), std::string(q.Text(2)), std::string(q.Text(3)),
                                  std::string(q.Text(4))});
  }
  return out;
}

Result<std::optional<Date>> Store::HistoryCompleteFrom() {
  auto q = TRY(db_.Prepare("SELECT value FROM meta WHERE key = 'history_complete_from'"));
  if (!TRY(q.Step())) return std::optional<Date>();
  return std::optional<Date>(TRY(ParseDate(q.Text(0))));
}

Result<bool> Store::SetHistoryCompleteFrom(Date d) {
  auto q = TRY(db_.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('history_complete_from', ?1)"));
  return q.Bind(1, FormatDate(d)).Run();
}

Result<int64_t> Store::MonitorWatermark() {
  auto q = TRY(db_.Prepare("SELECT value FROM meta WHERE key = 'monitor_batch'"));
  if (!TRY(q.Step())) return int64_t{0};
  return std::stoll(std::string(q.Text(0)));
}

Result<bool> Store::SetMonitorWatermark(int64_t batch) {
  auto q = TRY(db_.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('monitor_batch', ?1)"));
  return q.Bind(1, std::to_string(batch)).Run();
}

}  // namespace sargs
