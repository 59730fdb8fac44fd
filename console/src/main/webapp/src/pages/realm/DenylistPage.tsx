import "@patternfly/react-styles/css/components/Table/table.css";

import {
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Checkbox,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  Label,
  Modal,
  ModalVariant,
  Pagination,
  Progress,
  ProgressMeasureLocation,
  SearchInput,
  TextInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { PlusCircleIcon, TrashIcon } from "@patternfly/react-icons";
import { type ChangeEvent, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import {
  type CheckResult,
  type DenylistEntry,
  ImportRefused,
  type ImportResult,
  type LineError,
  useRealmApis,
} from "../../api/realm";
import { useRealm } from "../../ConsoleContext";
import { type ErrorContract, errorFromUnknown } from "../../errors/errorContract";
import { FieldMessage, Loading, PageHeader, reasonText, RefusalAlert, useDebounced, useMessages } from "./common";

/** Bad lines rendered on the page; the rest are in the downloadable list (a 100,000-line file may be all bad). */
const SHOWN_LINES = 500;

/**
 * The self-registration denylist (seed 003): the entries a page at a time from the server (search and paging by
 * the server: fast at a million entries), add several at once (validated as typed through the check endpoint; saved
 * in one transaction), select and delete, import a file with progress and every bad line by number, export, and a
 * check of an address.
 */
export default function DenylistPage() {
  const { t } = useTranslation();
  const { realm, rights } = useRealm();
  const canManage = rights.manageRealm;
  const [reload, setReload] = useState(0);
  const refresh = useCallback(() => setReload((n) => n + 1), []);

  return (
    <>
      <PageHeader title={t("realm.denylist.title")} description={t("realm.denylist.description")} />
      <EntriesCard realm={realm.name} canManage={canManage} reload={reload} onChanged={refresh} />
      {canManage && <AddCard realm={realm.name} onAdded={refresh} />}
      {canManage && <ImportCard realm={realm.name} onImported={refresh} />}
      <CheckCard realm={realm.name} />
    </>
  );
}

function EntriesCard({ realm, canManage, reload, onChanged }: { realm: string; canManage: boolean; reload: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { denylist } = useRealmApis();
  const [search, setSearch] = useState("");
  const query = useDebounced(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(20);
  const [entries, setEntries] = useState<DenylistEntry[] | undefined>();
  const [count, setCount] = useState<number | undefined>();
  const [error, setError] = useState<ErrorContract | undefined>();
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();

  useEffect(() => setPage(1), [query]);

  useEffect(() => {
    let live = true;
    setEntries(undefined);
    Promise.all([denylist.list(realm, { search: query, first: (page - 1) * perPage, max: perPage }), denylist.count(realm, query)]).then(
      ([found, total]) => {
        if (live) {
          setEntries(found);
          setCount(total);
          setError(undefined);
        }
      },
      (e) => live && setError(errorFromUnknown(e)),
    );
    return () => {
      live = false;
    };
  }, [denylist, realm, query, page, perPage, reload]);

  const toggle = (entry: DenylistEntry, on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      if (on) {
        next.set(entry.id, entry.value);
      } else {
        next.delete(entry.id);
      }
      return next;
    });
  const pageSelected = !!entries && entries.length > 0 && entries.every((e) => selected.has(e.id));

  const remove = async () => {
    setBusy(true);
    try {
      const removed = await denylist.remove(realm, [...selected.values()]);
      setNotice(t("realm.denylist.removed", { count: removed }));
      setSelected(new Map());
      setConfirm(false);
      onChanged();
    } catch (e) {
      setError(errorFromUnknown(e));
      setConfirm(false);
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = async () => {
    setBusy(true);
    try {
      const csv = await denylist.exportCsv(realm);
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = `denylist-${realm}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setNotice(t("realm.denylist.exported", { count: csv.split("\n").filter((l) => l && !l.startsWith("#")).length }));
    } catch (e) {
      setError(errorFromUnknown(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pf-v5-c-page__main-section">
      <Card>
        <CardTitle component="h2">{t("realm.denylist.entries")}</CardTitle>
        <CardBody>
          <Toolbar>
            <ToolbarContent>
              <ToolbarItem variant="search-filter">
                <SearchInput
                  aria-label={t("realm.denylist.search")}
                  placeholder={t("realm.denylist.search")}
                  value={search}
                  onChange={(_e, v) => setSearch(v)}
                  onClear={() => setSearch("")}
                  data-testid="denylist-search"
                />
              </ToolbarItem>
              {canManage && (
                <ToolbarItem>
                  <Button
                    variant="danger"
                    icon={<TrashIcon />}
                    isDisabled={selected.size === 0 || busy}
                    onClick={() => setConfirm(true)}
                    data-testid="denylist-delete-selected"
                  >
                    {t("realm.denylist.deleteSelected", { count: selected.size })}
                  </Button>
                </ToolbarItem>
              )}
              <ToolbarItem>
                <Button variant="secondary" onClick={() => void exportCsv()} isDisabled={busy} data-testid="denylist-export">
                  {t("realm.denylist.export")}
                </Button>
              </ToolbarItem>
              <ToolbarItem variant="pagination" align={{ default: "alignRight" }}>
                <Pagination
                  itemCount={count ?? 0}
                  page={page}
                  perPage={perPage}
                  onSetPage={(_e, p) => setPage(p)}
                  onPerPageSelect={(_e, pp) => {
                    setPerPage(pp);
                    setPage(1);
                  }}
                  perPageOptions={[10, 20, 50, 100].map((n) => ({ title: String(n), value: n }))}
                  isCompact
                  titles={{ paginationAriaLabel: t("realm.denylist.paging") }}
                  data-testid="denylist-pagination"
                />
              </ToolbarItem>
            </ToolbarContent>
          </Toolbar>
          {notice && (
            <Alert variant="success" isInline title={notice} data-testid="denylist-notice" actionClose={<Button variant="plain" aria-label={t("errors.close")} onClick={() => setNotice(undefined)}>×</Button>} />
          )}
          {error && <RefusalAlert error={error} testId="denylist-error" onClose={() => setError(undefined)} />}
          <p data-testid="denylist-count" data-count={count ?? ""}>
            {count === undefined ? "" : query ? t("realm.denylist.countMatching", { count, search: query }) : t("realm.denylist.count", { count })}
          </p>
          {entries === undefined ? (
            <Loading />
          ) : entries.length === 0 ? (
            <p data-testid="denylist-empty">{query ? t("realm.denylist.noneMatching") : t("realm.denylist.none")}</p>
          ) : (
            <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("realm.denylist.entries")} data-testid="denylist-table">
              <thead className="pf-v5-c-table__thead">
                <tr className="pf-v5-c-table__tr">
                  {canManage && (
                    <th className="pf-v5-c-table__th pf-v5-c-table__check" scope="col">
                      <Checkbox
                        id="denylist-select-page"
                        aria-label={t("realm.denylist.selectPage")}
                        isChecked={pageSelected}
                        onChange={(_e, on) => entries.forEach((e) => toggle(e, on))}
                      />
                    </th>
                  )}
                  <th className="pf-v5-c-table__th" scope="col">{t("realm.denylist.value")}</th>
                  <th className="pf-v5-c-table__th" scope="col">{t("realm.denylist.kind")}</th>
                  <th className="pf-v5-c-table__th" scope="col">{t("realm.denylist.note")}</th>
                  <th className="pf-v5-c-table__th" scope="col">{t("realm.denylist.created")}</th>
                  {canManage && <th className="pf-v5-c-table__th" scope="col"><span className="pf-v5-screen-reader">{t("realm.denylist.actions")}</span></th>}
                </tr>
              </thead>
              <tbody className="pf-v5-c-table__tbody">
                {entries.map((entry) => (
                  <tr key={entry.id} className="pf-v5-c-table__tr" data-testid="denylist-row" data-value={entry.value}>
                    {canManage && (
                      <td className="pf-v5-c-table__td pf-v5-c-table__check">
                        <Checkbox
                          id={`denylist-select-${entry.id}`}
                          aria-label={t("realm.denylist.select", { value: entry.value })}
                          isChecked={selected.has(entry.id)}
                          onChange={(_e, on) => toggle(entry, on)}
                          data-testid="denylist-select"
                        />
                      </td>
                    )}
                    <td className="pf-v5-c-table__td" data-label={t("realm.denylist.value")}>
                      <code>{entry.value}</code>
                    </td>
                    <td className="pf-v5-c-table__td" data-label={t("realm.denylist.kind")}>
                      <Label isCompact>{t(`realm.denylist.kinds.${entry.kind}`)}</Label>
                    </td>
                    <td className="pf-v5-c-table__td" data-label={t("realm.denylist.note")}>{entry.note ?? ""}</td>
                    <td className="pf-v5-c-table__td" data-label={t("realm.denylist.created")}>
                      {entry.createdAt ? new Date(entry.createdAt).toLocaleString() : ""} {entry.createdBy ? `(${entry.createdBy})` : ""}
                    </td>
                    {canManage && (
                      <td className="pf-v5-c-table__td">
                        <Button
                          variant="plain"
                          aria-label={t("realm.denylist.deleteOne", { value: entry.value })}
                          onClick={() => {
                            setSelected(new Map([[entry.id, entry.value]]));
                            setConfirm(true);
                          }}
                        >
                          <TrashIcon />
                        </Button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </CardBody>
      </Card>
      <Modal
        variant={ModalVariant.small}
        title={t("realm.denylist.confirmTitle")}
        isOpen={confirm}
        onClose={() => setConfirm(false)}
        actions={[
          <Button key="delete" variant="danger" onClick={() => void remove()} isLoading={busy} isDisabled={busy} data-testid="denylist-confirm-delete">
            {t("realm.denylist.confirmDelete")}
          </Button>,
          <Button key="cancel" variant="link" onClick={() => setConfirm(false)}>
            {t("realm.cancel")}
          </Button>,
        ]}
      >
        {t("realm.denylist.confirmBody", { count: selected.size, values: [...selected.values()].slice(0, 5).join(", ") })}
      </Modal>
    </div>
  );
}

interface Row {
  key: number;
  value: string;
  note: string;
  error?: ErrorContract;
  /** The value the error (or its absence) is for. */
  checked?: string;
}

function AddCard({ realm, onAdded }: { realm: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const { denylist } = useRealmApis();
  const next = useRef(1);
  const [rows, setRows] = useState<Row[]>([{ key: 0, value: "", note: "" }]);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<ImportResult | undefined>();
  const [error, setError] = useState<ErrorContract | undefined>();

  const update = (key: number, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));

  // each value is validated as it is typed: the check endpoint parses it as the add will
  const values = rows.map((r) => `${r.key}\u0000${r.value}`).join("\u0001");
  const settled = useDebounced(values, 350);
  useEffect(() => {
    let live = true;
    for (const part of settled.split("\u0001")) {
      const [key, value] = part.split("\u0000");
      const row = rows.find((r) => String(r.key) === key);
      if (!row || row.checked === value || row.value !== value) {
        continue;
      }
      if (value.trim() === "") {
        update(row.key, { error: undefined, checked: value });
        continue;
      }
      denylist.validateEntry(realm, value).then(
        (problem) => live && setRows((rs) => rs.map((r) => (r.key === row.key && r.value === value ? { ...r, error: problem, checked: value } : r))),
        // the check is a help (the save validates again): a failed check does not hold the row back
        () => live && setRows((rs) => rs.map((r) => (r.key === row.key && r.value === value ? { ...r, error: undefined, checked: value } : r))),
      );
    }
    return () => {
      live = false;
    };
    // rows are read for the keys only; `settled` drives the checks
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled, denylist, realm]);

  const filled = rows.filter((r) => r.value.trim() !== "");
  const pending = rows.some((r) => r.value.trim() !== "" && r.checked !== r.value);
  const invalid = rows.some((r) => r.error && r.checked === r.value);

  const save = async () => {
    setSaving(true);
    setError(undefined);
    setResult(undefined);
    try {
      const answer = await denylist.addAll(realm, filled.map((r) => ({ value: r.value, note: r.note })));
      setResult(answer);
      setRows([{ key: next.current++, value: "", note: "" }]);
      onAdded();
    } catch (e) {
      if (e instanceof ImportRefused) {
        // line n is the n-th filled row
        setRows((rs) => {
          const keys = rs.filter((r) => r.value.trim() !== "").map((r) => r.key);
          return rs.map((r) => {
            const line = e.lines.find((l) => keys[l.line - 1] === r.key);
            return line ? { ...r, error: { status: 400, error: line.error, errorMessage: line.errorMessage, messageKey: line.messageKey, field: "value" }, checked: r.value } : r;
          });
        });
        setError({ ...e.contract, errorMessage: undefined, error: "entriesRefused" });
      } else {
        setError(errorFromUnknown(e));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="pf-v5-c-page__main-section">
      <Card>
        <CardTitle component="h2">{t("realm.denylist.addTitle")}</CardTitle>
        <CardBody>
          <p>{t("realm.denylist.addHelp")}</p>
          <Form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            {rows.map((row, i) => (
              <Flex key={row.key} alignItems={{ default: "alignItemsFlexStart" }} data-testid="denylist-add-row">
                <FlexItem grow={{ default: "grow" }}>
                  <FormGroup label={t("realm.denylist.entryLabel", { n: i + 1 })} fieldId={`denylist-add-${row.key}`}>
                    <TextInput
                      id={`denylist-add-${row.key}`}
                      value={row.value}
                      placeholder="spam.example, *.spam.example, someone@example.com"
                      validated={row.error && row.checked === row.value ? "error" : "default"}
                      onChange={(_e, v) => update(row.key, { value: v })}
                      data-testid="denylist-add-value"
                    />
                    <FieldMessage error={row.checked === row.value ? row.error : undefined} testId="denylist-add-error" />
                  </FormGroup>
                </FlexItem>
                <FlexItem grow={{ default: "grow" }}>
                  <FormGroup label={t("realm.denylist.noteLabel", { n: i + 1 })} fieldId={`denylist-note-${row.key}`}>
                    <TextInput
                      id={`denylist-note-${row.key}`}
                      value={row.note}
                      onChange={(_e, v) => update(row.key, { note: v })}
                      data-testid="denylist-add-note"
                    />
                  </FormGroup>
                </FlexItem>
                <FlexItem>
                  <FormGroup label={<span className="pf-v5-screen-reader">{t("realm.denylist.removeRow", { n: i + 1 })}</span>} fieldId={`denylist-remove-${row.key}`}>
                    <Button
                      id={`denylist-remove-${row.key}`}
                      variant="plain"
                      aria-label={t("realm.denylist.removeRow", { n: i + 1 })}
                      isDisabled={rows.length === 1}
                      onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
                      data-testid="denylist-add-remove"
                    >
                      <TrashIcon />
                    </Button>
                  </FormGroup>
                </FlexItem>
              </Flex>
            ))}
            <Flex>
              <FlexItem>
                <Button
                  variant="link"
                  icon={<PlusCircleIcon />}
                  onClick={() => setRows((rs) => [...rs, { key: next.current++, value: "", note: "" }])}
                  data-testid="denylist-add-another"
                >
                  {t("realm.denylist.addAnother")}
                </Button>
              </FlexItem>
              <FlexItem>
                <Button type="submit" variant="primary" isLoading={saving} isDisabled={saving || filled.length === 0 || invalid || pending} data-testid="denylist-add-save">
                  {t("realm.save")}
                </Button>
              </FlexItem>
            </Flex>
          </Form>
          {error && (error.error === "entriesRefused" ? (
            <Alert variant="danger" isInline title={t("realm.denylist.addRefused")} data-testid="denylist-add-refused" />
          ) : (
            <RefusalAlert error={error} testId="denylist-add-refused" />
          ))}
          {result && (
            <Alert variant="success" isInline title={t("realm.denylist.added", { added: result.added, skipped: result.skipped })} data-testid="denylist-add-result" />
          )}
        </CardBody>
      </Card>
    </div>
  );
}

type ImportState =
  | { kind: "idle" }
  | { kind: "read"; name: string; text: string; lines: number; csv: boolean }
  | { kind: "running"; name: string; lines: number; percent: number; stage: "read" | "upload" | "server" }
  | { kind: "done"; name: string; lines: number; result: ImportResult }
  | { kind: "refused"; name: string; lines: number; bad: LineError[] }
  | { kind: "failed"; name: string; error: ErrorContract };

function ImportCard({ realm, onImported }: { realm: string; onImported: () => void }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const { denylist } = useRealmApis();
  const [state, setState] = useState<ImportState>({ kind: "idle" });
  const [readPercent, setReadPercent] = useState<number | undefined>();
  const input = useRef<HTMLInputElement>(null);

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) {
      return;
    }
    const reader = new FileReader();
    setReadPercent(0);
    reader.onprogress = (p) => p.lengthComputable && setReadPercent(Math.round((100 * p.loaded) / p.total));
    reader.onload = () => {
      const text = String(reader.result ?? "");
      setReadPercent(undefined);
      setState({ kind: "read", name: file.name, text, lines: countEntryLines(text), csv: /\.csv$/i.test(file.name) || file.type === "text/csv" });
    };
    reader.onerror = () => {
      setReadPercent(undefined);
      setState({ kind: "failed", name: file.name, error: { error: "fileUnreadable", errorMessage: String(reader.error) } });
    };
    reader.readAsText(file, "utf-8");
  };

  const run = async () => {
    if (state.kind !== "read") {
      return;
    }
    const { name, text, lines, csv } = state;
    setState({ kind: "running", name, lines, percent: 0, stage: "upload" });
    try {
      const result = await denylist.importText(
        realm,
        text,
        (p) =>
          setState((s) =>
            s.kind === "running"
              ? { ...s, stage: p.stage, percent: p.stage === "upload" ? Math.round(p.fraction * 90) : 95 }
              : s,
          ),
        csv ? "text/csv" : "text/plain",
      );
      setState({ kind: "done", name, lines, result });
      onImported();
    } catch (e) {
      if (e instanceof ImportRefused) {
        setState({ kind: "refused", name, lines, bad: e.lines });
      } else {
        setState({ kind: "failed", name, error: errorFromUnknown(e) });
      }
    } finally {
      if (input.current) {
        input.current.value = "";
      }
    }
  };

  const downloadBad = (bad: LineError[]) => {
    const csv = ["line,value,error,message", ...bad.map((l) => [l.line, l.value, l.error, l.errorMessage ?? ""].map(csvCell).join(","))].join("\n");
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "denylist-bad-lines.csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <div className="pf-v5-c-page__main-section">
      <Card>
        <CardTitle component="h2">{t("realm.denylist.importTitle")}</CardTitle>
        <CardBody>
          <p>{t("realm.denylist.importHelp")}</p>
          <Form onSubmit={(e) => e.preventDefault()}>
            <FormGroup label={t("realm.denylist.importFile")} fieldId="denylist-import-file">
              <input
                ref={input}
                id="denylist-import-file"
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                onChange={choose}
                disabled={state.kind === "running"}
                data-testid="denylist-import-file"
              />
            </FormGroup>
          </Form>
          {readPercent !== undefined && (
            <Progress value={readPercent} title={t("realm.denylist.reading")} measureLocation={ProgressMeasureLocation.outside} data-testid="denylist-import-reading" />
          )}
          {state.kind === "read" && (
            <Flex alignItems={{ default: "alignItemsCenter" }}>
              <FlexItem data-testid="denylist-import-ready" data-lines={state.lines}>
                {t("realm.denylist.importReady", { name: state.name, count: state.lines })}
              </FlexItem>
              <FlexItem>
                <Button variant="primary" onClick={() => void run()} data-testid="denylist-import-start">
                  {t("realm.denylist.importStart")}
                </Button>
              </FlexItem>
            </Flex>
          )}
          {(state.kind === "running" || state.kind === "done") && (
            <Progress
              value={state.kind === "done" ? 100 : state.percent}
              title={
                state.kind === "done"
                  ? t("realm.denylist.importDoneTitle", { name: state.name })
                  : state.stage === "server"
                    ? t("realm.denylist.importServer", { count: state.lines })
                    : t("realm.denylist.importUpload", { name: state.name })
              }
              variant={state.kind === "done" ? "success" : undefined}
              measureLocation={ProgressMeasureLocation.outside}
              data-testid="denylist-import-progress"
              data-stage={state.kind === "done" ? "done" : state.stage}
            />
          )}
          {state.kind === "done" && (
            <Alert
              variant="success"
              isInline
              title={t("realm.denylist.importDone", { received: state.result.received, added: state.result.added, skipped: state.result.skipped })}
              data-testid="denylist-import-result"
              data-added={state.result.added}
              data-received={state.result.received}
            />
          )}
          {state.kind === "refused" && (
            <Alert
              variant="danger"
              isInline
              title={t("realm.denylist.importRefused", { count: state.bad.length, name: state.name })}
              data-testid="denylist-import-refused"
              data-bad={state.bad.length}
            >
              <ul className="pa-bad-lines" aria-label={t("realm.denylist.badLines")}>
                {state.bad.slice(0, SHOWN_LINES).map((l) => (
                  <li key={l.line} data-testid="denylist-bad-line" data-line={l.line} data-error={l.error}>
                    {t("realm.denylist.badLine", { line: l.line, value: l.value, reason: reasonText({ error: l.error, errorMessage: l.errorMessage, messageKey: l.messageKey }, messages) })}
                  </li>
                ))}
              </ul>
              {state.bad.length > SHOWN_LINES && <p>{t("realm.denylist.moreBadLines", { count: state.bad.length - SHOWN_LINES })}</p>}
              <Button variant="link" isInline onClick={() => downloadBad(state.bad)}>
                {t("realm.denylist.downloadBadLines")}
              </Button>
            </Alert>
          )}
          {state.kind === "failed" && <RefusalAlert error={state.error} testId="denylist-import-failed" />}
        </CardBody>
      </Card>
    </div>
  );
}

function CheckCard({ realm }: { realm: string }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const { denylist } = useRealmApis();
  const [email, setEmail] = useState("");
  const [result, setResult] = useState<CheckResult | undefined>();
  const [error, setError] = useState<ErrorContract | undefined>();
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await denylist.check(realm, email));
    } catch (e) {
      setError(errorFromUnknown(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pf-v5-c-page__main-section">
      <Card>
        <CardTitle component="h2">{t("realm.denylist.checkTitle")}</CardTitle>
        <CardBody>
          <Form
            isHorizontal
            onSubmit={(e) => {
              e.preventDefault();
              void check();
            }}
          >
            <FormGroup label={t("realm.denylist.checkLabel")} fieldId="denylist-check-email">
              <Flex>
                <FlexItem grow={{ default: "grow" }}>
                  <TextInput id="denylist-check-email" value={email} onChange={(_e, v) => setEmail(v)} data-testid="denylist-check-email" />
                </FlexItem>
                <FlexItem>
                  <Button type="submit" variant="secondary" isDisabled={busy || email.trim() === ""} data-testid="denylist-check">
                    {t("realm.denylist.check")}
                  </Button>
                </FlexItem>
              </Flex>
            </FormGroup>
          </Form>
          {error && <RefusalAlert error={error} testId="denylist-check-error" />}
          {result && (
            <Alert
              variant={result.verdict === "allowed" ? "success" : "danger"}
              isInline
              title={t(`realm.denylist.verdict.${result.verdict}`, { email: result.email ?? email })}
              data-testid="denylist-check-result"
              data-verdict={result.verdict}
            >
              <p>
                {result.verdict === "denied"
                  ? t("realm.denylist.verdictWhy.denied", { entry: result.entry ?? "" })
                  : result.verdict === "invalid"
                    ? t("realm.denylist.verdictWhy.invalid", { reason: reasonText({ error: result.error ?? "invalid", errorMessage: result.errorMessage }, messages) })
                    : t("realm.denylist.verdictWhy.allowed")}
              </p>
            </Alert>
          )}
        </CardBody>
      </Card>
    </div>
  );
}

/** The lines an import reads as entries (blank lines and # comments are skipped). */
export function countEntryLines(text: string): number {
  let n = 0;
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const l = line.trim();
    if (l !== "" && !l.startsWith("#")) {
      n++;
    }
  }
  return n;
}

function csvCell(value: unknown): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
