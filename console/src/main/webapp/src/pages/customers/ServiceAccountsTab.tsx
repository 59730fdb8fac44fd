import "@patternfly/react-styles/css/components/Table/table.css";

import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  ClipboardCopy,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Label,
  Modal,
  ModalVariant,
  Spinner,
  Text,
  TextInput,
} from "@patternfly/react-core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import type { ServiceAccount } from "../../api/customers";
import { ErrorAlert } from "../../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../../errors/errorContract";
import type { TabProps } from "./CustomerPage";
import { ConfirmModal, FieldRefusal, isAboutFields, useCanManage, useCustomersApi } from "./common";
import { fieldError } from "./entries";
import { formatInstant } from "./time";

type Loaded = { kind: "loading" } | { kind: "ready"; items: ServiceAccount[] } | { kind: "failed"; error: ErrorContract };

/** The customer's service accounts: create (secret shown once, with a copy button), list with status, revoke. */
export function ServiceAccountsTab({ customerId, notify }: TabProps) {
  const { t, i18n } = useTranslation();
  const api = useCustomersApi();
  const canManage = useCanManage();
  const [accounts, setAccounts] = useState<Loaded>({ kind: "loading" });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ServiceAccount>();
  const [revoking, setRevoking] = useState<ServiceAccount>();

  const load = useCallback(() => {
    api.serviceAccounts(customerId).then(
      (items) => setAccounts({ kind: "ready", items }),
      (e) => setAccounts({ kind: "failed", error: errorFromUnknown(e) }),
    );
  }, [api, customerId]);
  useEffect(load, [load]);

  return (
    <Card>
      <CardHeader
        actions={{
          actions: canManage ? (
            <Button variant="primary" onClick={() => setCreating(true)} data-testid="create-service-account">
              {t("customers.serviceAccounts.create")}
            </Button>
          ) : undefined,
          hasNoOffset: true,
        }}
      >
        <CardTitle>{t("customers.serviceAccounts.title")}</CardTitle>
      </CardHeader>
      <CardBody>
        <Text className="pf-v5-u-mb-md">{t("customers.serviceAccounts.help")}</Text>
        {accounts.kind === "loading" && <Spinner aria-label={t("app.loading")} />}
        {accounts.kind === "failed" && <ErrorAlert error={accounts.error} />}
        {accounts.kind === "ready" && accounts.items.length === 0 && <Text data-testid="no-service-accounts">{t("customers.serviceAccounts.none")}</Text>}
        {accounts.kind === "ready" && accounts.items.length > 0 && (
          <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("customers.serviceAccounts.title")} data-testid="service-accounts-table">
            <thead className="pf-v5-c-table__thead">
              <tr className="pf-v5-c-table__tr">
                <th className="pf-v5-c-table__th" scope="col">{t("customers.serviceAccounts.clientId")}</th>
                <th className="pf-v5-c-table__th" scope="col">{t("customers.serviceAccounts.description")}</th>
                <th className="pf-v5-c-table__th" scope="col">{t("customers.serviceAccounts.status")}</th>
                <th className="pf-v5-c-table__th" scope="col">{t("customers.serviceAccounts.created")}</th>
                <th className="pf-v5-c-table__th" scope="col" aria-label={t("customers.serviceAccounts.revoke")} />
              </tr>
            </thead>
            <tbody className="pf-v5-c-table__tbody">
              {accounts.items.map((sa) => (
                <tr className="pf-v5-c-table__tr" key={sa.id} data-testid={`service-account-${sa.clientId}`} data-status={sa.status}>
                  <td className="pf-v5-c-table__td" data-label={t("customers.serviceAccounts.clientId")}>
                    <code>{sa.clientId}</code>
                  </td>
                  <td className="pf-v5-c-table__td" data-label={t("customers.serviceAccounts.description")}>{sa.description}</td>
                  <td className="pf-v5-c-table__td" data-label={t("customers.serviceAccounts.status")}>
                    <Label isCompact color={sa.status === "active" ? "green" : "grey"} data-testid="service-account-status">
                      {i18n.exists(`customers.serviceAccounts.status_${sa.status}`) ? t(`customers.serviceAccounts.status_${sa.status}`) : sa.status}
                    </Label>
                  </td>
                  <td className="pf-v5-c-table__td" data-label={t("customers.serviceAccounts.created")}>{formatInstant(sa.createdAt, i18n.language)}</td>
                  <td className="pf-v5-c-table__td pf-v5-c-table__action">
                    {canManage && sa.status === "active" && (
                      <Button
                        variant="secondary"
                        isDanger
                        size="sm"
                        onClick={() => setRevoking(sa)}
                        aria-label={t("customers.serviceAccounts.revokeOf", { clientId: sa.clientId })}
                        data-testid="revoke-service-account"
                      >
                        {t("customers.serviceAccounts.revoke")}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardBody>
      {creating && (
        <CreateServiceAccount
          customerId={customerId}
          onClose={() => setCreating(false)}
          onCreated={(sa) => {
            setCreating(false);
            setCreated(sa);
            load();
          }}
        />
      )}
      {created && <CreatedServiceAccount account={created} onClose={() => setCreated(undefined)} />}
      {revoking && (
        <RevokeServiceAccount
          customerId={customerId}
          account={revoking}
          onClose={() => setRevoking(undefined)}
          onRevoked={() => {
            notify(t("customers.serviceAccounts.revoked", { clientId: revoking.clientId }));
            setRevoking(undefined);
            load();
          }}
        />
      )}
    </Card>
  );
}

function CreateServiceAccount({ customerId, onClose, onCreated }: { customerId: string; onClose: () => void; onCreated: (sa: ServiceAccount) => void }) {
  const { t } = useTranslation();
  const api = useCustomersApi();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorContract>();

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    api.createServiceAccount(customerId, { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) }).then(onCreated, (err) => {
      setBusy(false);
      setError(errorFromUnknown(err));
    });
  };

  return (
    <Modal
      variant={ModalVariant.medium}
      title={t("customers.serviceAccounts.create")}
      isOpen
      onClose={onClose}
      data-testid="create-service-account-dialog"
      actions={[
        <Button key="create" variant="primary" type="submit" form="service-account-form" isLoading={busy} isDisabled={busy || !name.trim()} data-testid="service-account-submit">
          {t("customers.serviceAccounts.submit")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("customers.cancel")}
        </Button>,
      ]}
    >
      <Form id="service-account-form" onSubmit={submit}>
        <FormGroup label={t("customers.serviceAccounts.name")} isRequired fieldId="service-account-name">
          <TextInput
            id="service-account-name"
            isRequired
            value={name}
            onChange={(_e, v) => setName(v)}
            validated={fieldError(error, "name") ? "error" : "default"}
            data-testid="service-account-name"
          />
          <FieldRefusal error={error} field="name" />
          {!fieldError(error, "name") && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t("customers.serviceAccounts.nameHelp")}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
        <FormGroup label={t("customers.serviceAccounts.description")} fieldId="service-account-description">
          <TextInput id="service-account-description" value={description} onChange={(_e, v) => setDescription(v)} data-testid="service-account-description" />
          <FieldRefusal error={error} field="description" />
        </FormGroup>
        {error && !isAboutFields(error, ["name", "description"]) && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}

function CreatedServiceAccount({ account, onClose }: { account: ServiceAccount; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      variant={ModalVariant.medium}
      title={t("customers.serviceAccounts.createdTitle")}
      isOpen
      onClose={onClose}
      data-testid="service-account-created"
      actions={[
        <Button key="done" variant="primary" onClick={onClose} data-testid="service-account-done">
          {t("customers.serviceAccounts.done")}
        </Button>,
      ]}
    >
      <Alert variant="warning" isInline title={t("customers.serviceAccounts.createdOnce")} className="pf-v5-u-mb-md" />
      <DescriptionList>
        <DescriptionListGroup>
          <DescriptionListTerm>{t("customers.serviceAccounts.clientId")}</DescriptionListTerm>
          <DescriptionListDescription>
            <ClipboardCopy
              isReadOnly
              hoverTip={t("customers.serviceAccounts.copy")}
              clickTip={t("customers.serviceAccounts.copied")}
              textAriaLabel={t("customers.serviceAccounts.clientId")}
              toggleAriaLabel={t("customers.serviceAccounts.copy")}
              data-testid="created-client-id"
            >
              {account.clientId}
            </ClipboardCopy>
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t("customers.serviceAccounts.secret")}</DescriptionListTerm>
          <DescriptionListDescription>
            <ClipboardCopy
              isReadOnly
              hoverTip={t("customers.serviceAccounts.copy")}
              clickTip={t("customers.serviceAccounts.copied")}
              textAriaLabel={t("customers.serviceAccounts.secret")}
              toggleAriaLabel={t("customers.serviceAccounts.copy")}
              data-testid="created-secret"
            >
              {account.secret ?? ""}
            </ClipboardCopy>
          </DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
    </Modal>
  );
}

function RevokeServiceAccount({
  customerId,
  account,
  onClose,
  onRevoked,
}: {
  customerId: string;
  account: ServiceAccount;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { t } = useTranslation();
  const api = useCustomersApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorContract>();
  return (
    <ConfirmModal
      title={t("customers.serviceAccounts.revokeTitle", { clientId: account.clientId })}
      body={<p>{t("customers.serviceAccounts.revokeBody")}</p>}
      confirm={t("customers.serviceAccounts.revoke")}
      busy={busy}
      error={error && <div className="pf-v5-u-mt-md"><ErrorAlert error={error} /></div>}
      onConfirm={() => {
        setBusy(true);
        setError(undefined);
        api.revokeServiceAccount(customerId, account.id).then(onRevoked, (e) => {
          setBusy(false);
          setError(errorFromUnknown(e));
        });
      }}
      onClose={onClose}
      testId="revoke-service-account-dialog"
    />
  );
}
