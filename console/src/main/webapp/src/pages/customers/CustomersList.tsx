import "@patternfly/react-styles/css/components/Table/table.css";

import {
  Alert,
  Button,
  EmptyState,
  EmptyStateBody,
  EmptyStateHeader,
  EmptyStateIcon,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Label,
  Modal,
  ModalVariant,
  PageSection,
  Pagination,
  SearchInput,
  Spinner,
  Text,
  TextContent,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { CubesIcon, PlusCircleIcon } from "@patternfly/react-icons";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";

import type { CreatedCustomer, CustomerRow } from "../../api/customers";
import { useRealm } from "../../ConsoleContext";
import { ErrorAlert } from "../../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../../errors/errorContract";
import { FieldRefusal, isAboutFields, useCustomersApi } from "./common";
import { fieldError } from "./entries";

type Rows = { kind: "loading" } | { kind: "ready"; rows: CustomerRow[]; count: number } | { kind: "failed"; error: ErrorContract };

const CREATE_FIELDS = ["name", "alias", "contactEmail", "portalUrl"];

/** The customers list: server-side search and paging (GET customers, GET customers/count), "Create customer". */
export function CustomersList() {
  const { t } = useTranslation();
  const api = useCustomersApi();
  const { realm, rights } = useRealm();
  const navigate = useNavigate();
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(20);
  const [rows, setRows] = useState<Rows>({ kind: "loading" });
  const [creating, setCreating] = useState(false);

  // the search runs a moment after typing stops (and at once on Enter)
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  useEffect(() => setPage(1), [search, perPage]);

  useEffect(() => {
    let live = true;
    setRows({ kind: "loading" });
    Promise.all([api.list(search, { first: (page - 1) * perPage, max: perPage }), api.count(search)]).then(
      ([list, count]) => live && setRows({ kind: "ready", rows: list, count }),
      (e) => live && setRows({ kind: "failed", error: errorFromUnknown(e) }),
    );
    return () => {
      live = false;
    };
  }, [api, search, page, perPage]);

  const realmPath = `/${encodeURIComponent(realm.name)}`;
  const canCreate = rights.manageOrganizations;

  return (
    <>
      <PageSection variant="light">
        <TextContent>
          <Title headingLevel="h1" data-testid="page-title">
            {t("customers.title")}
          </Title>
          <Text>{t("customers.description")}</Text>
          {rights.delegatedOrganizations && <Text data-testid="customers-delegated">{t("customers.delegated")}</Text>}
          {!rights.manageOrganizations && !rights.delegatedOrganizations && <Text>{t("customers.readOnly")}</Text>}
        </TextContent>
      </PageSection>
      <PageSection>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem variant="search-filter" widths={{ default: "400px" }}>
              <SearchInput
                placeholder={t("customers.search")}
                aria-label={t("customers.search")}
                value={typed}
                onChange={(_e, value) => setTyped(value)}
                onSearch={(_e, value) => {
                  setTyped(value);
                  setSearch(value.trim());
                }}
                onClear={() => {
                  setTyped("");
                  setSearch("");
                }}
                data-testid="customers-search"
              />
            </ToolbarItem>
            {canCreate && (
              <ToolbarItem>
                <Button variant="primary" icon={<PlusCircleIcon />} onClick={() => setCreating(true)} data-testid="create-customer">
                  {t("customers.create")}
                </Button>
              </ToolbarItem>
            )}
            {rows.kind === "ready" && (
              <ToolbarItem variant="pagination" align={{ default: "alignRight" }}>
                <Pagination
                  itemCount={rows.count}
                  page={page}
                  perPage={perPage}
                  perPageOptions={[10, 20, 50, 100].map((n) => ({ title: String(n), value: n }))}
                  onSetPage={(_e, p) => setPage(p)}
                  onPerPageSelect={(_e, n) => setPerPage(n)}
                  isCompact
                  titles={{ paginationAriaLabel: t("customers.paginationLabel") }}
                  data-testid="customers-pagination"
                />
              </ToolbarItem>
            )}
          </ToolbarContent>
        </Toolbar>
        {rows.kind === "loading" && <Spinner aria-label={t("app.loading")} />}
        {rows.kind === "failed" && <ErrorAlert error={rows.error} />}
        {rows.kind === "ready" && rows.rows.length === 0 && (
          <EmptyState data-testid="customers-empty">
            <EmptyStateHeader titleText={t("customers.empty")} headingLevel="h2" icon={<EmptyStateIcon icon={CubesIcon} />} />
            <EmptyStateBody>{search ? t("customers.noMatch", { search }) : t("customers.emptyBody")}</EmptyStateBody>
          </EmptyState>
        )}
        {rows.kind === "ready" && rows.rows.length > 0 && (
          <table className="pf-v5-c-table pf-m-grid-md" role="grid" aria-label={t("customers.title")} data-testid="customers-table" data-count={rows.count}>
            <thead className="pf-v5-c-table__thead">
              <tr className="pf-v5-c-table__tr">
                <th className="pf-v5-c-table__th" scope="col">{t("customers.column.name")}</th>
                <th className="pf-v5-c-table__th" scope="col">{t("customers.column.portalAccess")}</th>
                <th className="pf-v5-c-table__th" scope="col">{t("customers.column.users")}</th>
                <th className="pf-v5-c-table__th" scope="col">{t("customers.column.pendingInvitations")}</th>
                <th className="pf-v5-c-table__th" scope="col">{t("customers.column.features")}</th>
                <th className="pf-v5-c-table__th" scope="col">{t("customers.column.domainRestriction")}</th>
              </tr>
            </thead>
            <tbody className="pf-v5-c-table__tbody">
              {rows.rows.map((row) => (
                <tr className="pf-v5-c-table__tr" key={row.id} data-testid={`customer-row-${row.alias}`}>
                  <td className="pf-v5-c-table__td" data-label={t("customers.column.name")}>
                    <Link to={`${realmPath}/customers/${encodeURIComponent(row.id)}`} data-testid={`customer-link-${row.alias}`}>
                      {row.name}
                    </Link>
                    <div className="pf-v5-u-color-200 pf-v5-u-font-size-sm">{row.alias}</div>
                  </td>
                  <td className="pf-v5-c-table__td" data-label={t("customers.column.portalAccess")} data-testid="col-portal-access" data-value={String(row.portalAccess)}>
                    <OnOff on={row.portalAccess} />
                  </td>
                  <td className="pf-v5-c-table__td" data-label={t("customers.column.users")} data-testid="col-users">
                    {row.members}
                  </td>
                  <td className="pf-v5-c-table__td" data-label={t("customers.column.pendingInvitations")} data-testid="col-pending">
                    {row.pendingInvitations}
                  </td>
                  <td className="pf-v5-c-table__td" data-label={t("customers.column.features")} data-testid="col-features">
                    {row.features.total === 0
                      ? t("customers.noFeatures")
                      : t("customers.featuresOf", { enabled: row.features.enabled, total: row.features.total })}
                  </td>
                  <td className="pf-v5-c-table__td" data-label={t("customers.column.domainRestriction")} data-testid="col-domain-restriction" data-value={String(row.domainRestriction)}>
                    <OnOff on={row.domainRestriction} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PageSection>
      {creating && (
        <CreateCustomerModal
          onClose={() => setCreating(false)}
          onCreated={(created) => navigate(`${realmPath}/customers/${encodeURIComponent(created.id)}`, { state: { created } })}
        />
      )}
    </>
  );
}

function OnOff({ on }: { on: boolean }) {
  const { t } = useTranslation();
  return <Label color={on ? "green" : "grey"}>{on ? t("customers.on") : t("customers.off")}</Label>;
}

function CreateCustomerModal({ onClose, onCreated }: { onClose: () => void; onCreated: (created: CreatedCustomer) => void }) {
  const { t } = useTranslation();
  const api = useCustomersApi();
  const [form, setForm] = useState({ name: "", alias: "", contactEmail: "", portalUrl: "" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorContract>();
  const [autoInvite, setAutoInvite] = useState<boolean | undefined>();

  useEffect(() => {
    // realm settings need view-realm: without it the dialog says it depends on the realm
    api.customerAccessSettings().then(
      (s) => setAutoInvite(s.autoInvite),
      () => setAutoInvite(undefined),
    );
  }, [api]);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    const body = {
      name: form.name.trim(),
      ...(form.alias.trim() ? { alias: form.alias.trim() } : {}),
      ...(form.contactEmail.trim() ? { contactEmail: form.contactEmail.trim() } : {}),
      ...(form.portalUrl.trim() ? { portalUrl: form.portalUrl.trim() } : {}),
    };
    api.create(body).then(onCreated, (err) => {
      setBusy(false);
      setError(errorFromUnknown(err));
    });
  };

  const field = (name: keyof typeof form, label: string, help: string, type: "text" | "email" | "url" = "text", required = false) => (
    <FormGroup label={label} isRequired={required} fieldId={`customer-${name}`}>
      <TextInput
        id={`customer-${name}`}
        name={name}
        type={type}
        isRequired={required}
        value={form[name]}
        onChange={(_e, value) => setForm({ ...form, [name]: value })}
        validated={fieldError(error, name) ? "error" : "default"}
        data-testid={`customer-${name}`}
      />
      <FieldRefusal error={error} field={name} />
      {!fieldError(error, name) && (
        <FormHelperText>
          <HelperText>
            <HelperTextItem>{help}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      )}
    </FormGroup>
  );

  return (
    <Modal
      variant={ModalVariant.medium}
      title={t("customers.createDialog.title")}
      isOpen
      onClose={onClose}
      data-testid="create-customer-dialog"
      actions={[
        <Button key="create" variant="primary" type="submit" form="create-customer-form" isLoading={busy} isDisabled={busy || !form.name.trim()} data-testid="create-customer-submit">
          {t("customers.createDialog.submit")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("customers.createDialog.cancel")}
        </Button>,
      ]}
    >
      <Form id="create-customer-form" onSubmit={submit}>
        {field("name", t("customers.createDialog.name"), t("customers.createDialog.nameHelp"), "text", true)}
        {field("alias", t("customers.createDialog.alias"), t("customers.createDialog.aliasHelp"))}
        {field("contactEmail", t("customers.createDialog.contactEmail"), t("customers.createDialog.contactEmailHelp"), "email")}
        {field("portalUrl", t("customers.createDialog.portalUrl"), t("customers.createDialog.portalUrlHelp"), "url")}
        <Alert
          variant="info"
          isInline
          isPlain
          title={
            autoInvite === undefined
              ? t("customers.createDialog.autoInviteUnknown")
              : autoInvite
                ? t("customers.createDialog.autoInviteOn")
                : t("customers.createDialog.autoInviteOff")
          }
          data-testid="create-customer-auto-invite"
          data-auto-invite={String(autoInvite)}
        />
        {error && !isAboutFields(error, CREATE_FIELDS) && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
