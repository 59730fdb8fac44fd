import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  ClipboardCopy,
  Form,
  FormGroup,
  Label,
  TextInput,
} from "@patternfly/react-core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import type { MyCustomer, ServiceAccount } from "../api/team";
import { ErrorAlert, FieldError } from "../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../errors/errorContract";
import { useTeam } from "./TeamContext";
import { localize } from "./teamErrors";
import { useLoad } from "./useLoad";

/**
 * The customer's service accounts (for CI/CD), for its Administrators when the vendor allows it: list, create
 * (the secret is shown once, right after), revoke. The vendor sees and revokes the same accounts in the console.
 */
export function ServiceAccountsCard({ customer }: { customer: MyCustomer }) {
  const { t, i18n } = useTranslation();
  const { api } = useTeam();
  const [accounts, reload] = useLoad(() => api.serviceAccounts(customer.id), [api, customer.id]);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [created, setCreated] = useState<ServiceAccount>();
  const [error, setError] = useState<ErrorContract>();
  const messages = { t: (k: string, o?: Record<string, unknown>) => t(k, o) as string, exists: (k: string) => i18n.exists(k) };
  const fail = (e: unknown) => setError(localize(errorFromUnknown(e), messages));

  const create = (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setCreated(undefined);
    api.createServiceAccount(customer.id, name, description).then((account) => {
      setCreated(account);
      setName("");
      setDescription("");
      reload();
    }, fail);
  };
  const revoke = (account: ServiceAccount) => {
    setError(undefined);
    api.revokeServiceAccount(customer.id, account.id).then(reload, fail);
  };
  const date = (seconds?: number | null) =>
    seconds ? new Date(seconds * 1000).toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short" }) : "";

  return (
    <Card className="pa-team-card" data-testid="service-accounts">
      <CardTitle component="h2">{t("team.serviceAccounts.title")}</CardTitle>
      <CardBody>
        <p className="pa-team-spaced">{t("team.serviceAccounts.description")}</p>
        {error && error.field !== "name" && <ErrorAlert error={error} onClose={() => setError(undefined)} />}
        {created?.secret && (
          <Alert variant="warning" isInline title={t("team.serviceAccounts.secretOnce", { clientId: created.clientId })} data-testid="new-secret">
            <ClipboardCopy isReadOnly hoverTip={t("team.serviceAccounts.copy")} clickTip={t("team.serviceAccounts.copied")}
              textAriaLabel={t("team.serviceAccounts.secret")} data-testid="new-secret-value">
              {created.secret}
            </ClipboardCopy>
          </Alert>
        )}
        {accounts.kind === "failed" && <ErrorAlert error={localize(accounts.error, messages)} />}
        {accounts.kind === "ready" &&
          (accounts.value.length === 0 ? (
            <p data-testid="no-service-accounts">{t("team.serviceAccounts.empty")}</p>
          ) : (
            <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("team.serviceAccounts.title")}>
              <thead className="pf-v5-c-table__thead">
                <tr className="pf-v5-c-table__tr">
                  <th className="pf-v5-c-table__th" scope="col">{t("team.serviceAccounts.clientId")}</th>
                  <th className="pf-v5-c-table__th" scope="col">{t("team.serviceAccounts.status")}</th>
                  <th className="pf-v5-c-table__th" scope="col">{t("team.serviceAccounts.created")}</th>
                  <th className="pf-v5-c-table__th" scope="col">{t("team.members.actions")}</th>
                </tr>
              </thead>
              <tbody className="pf-v5-c-table__tbody">
                {accounts.value.map((account) => (
                  <tr className="pf-v5-c-table__tr" key={account.id} data-testid={`sa-${account.name}`} data-status={account.status}>
                    <td className="pf-v5-c-table__td" data-label={t("team.serviceAccounts.clientId")}>{account.clientId}</td>
                    <td className="pf-v5-c-table__td" data-label={t("team.serviceAccounts.status")}>
                      <Label isCompact color={account.status === "active" ? "green" : "grey"}>{t(`team.serviceAccounts.${account.status}`)}</Label>
                    </td>
                    <td className="pf-v5-c-table__td" data-label={t("team.serviceAccounts.created")}>{date(account.createdAt)}</td>
                    <td className="pf-v5-c-table__td" data-label={t("team.members.actions")}>
                      {account.status === "active" && (
                        <Button variant="link" isDanger size="sm" onClick={() => revoke(account)}
                          aria-label={t("team.serviceAccounts.revokeLabel", { clientId: account.clientId })}
                          data-testid={`revoke-${account.name}`}>
                          {t("team.serviceAccounts.revoke")}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        <Form onSubmit={create} className="pa-team-card" data-testid="service-account-form">
          <FormGroup label={t("team.serviceAccounts.name")} fieldId="sa-name" isRequired>
            <TextInput id="sa-name" isRequired value={name} onChange={(_e, v) => setName(v)} autoComplete="off"
              validated={error?.field === "name" ? "error" : "default"} />
            <FieldError error={error} field="name" />
          </FormGroup>
          <FormGroup label={t("team.serviceAccounts.descriptionLabel")} fieldId="sa-description">
            <TextInput id="sa-description" value={description} onChange={(_e, v) => setDescription(v)} autoComplete="off" />
          </FormGroup>
          <ActionGroup>
            <Button type="submit" variant="secondary" data-testid="sa-submit">{t("team.serviceAccounts.create")}</Button>
          </ActionGroup>
        </Form>
      </CardBody>
    </Card>
  );
}
