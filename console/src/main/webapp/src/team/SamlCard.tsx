import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  ClipboardCopy,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Label,
  Radio,
  TextArea,
  TextInput,
} from "@patternfly/react-core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import type { CustomerSamlProvider, MyCustomer, SamlRequest, SamlSourceKind } from "../api/team";
import { ErrorAlert, FieldError } from "../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../errors/errorContract";
import { localizeSaml } from "./samlErrors";
import { useTeam } from "./TeamContext";
import { useLoad } from "./useLoad";

const SOURCES: SamlSourceKind[] = ["metadataUrl", "metadataXml", "manual"];
const FIELDS = ["source", "metadataUrl", "metadataXml", "entityId", "ssoUrl", "binding", "signingCertificate"];

/**
 * The customer's own SAML identity provider, for its Administrators when the vendor allows it: set it up from a
 * metadata URL, uploaded metadata or by hand (every refusal under its field, with the server's reason), run a test
 * sign-in in a new window, then turn it on for the customer's users; remove it.
 */
export function SamlCard({ customer }: { customer: MyCustomer }) {
  const { t, i18n } = useTranslation();
  const { api } = useTeam();
  const [provider, reload] = useLoad(() => api.saml(customer.id), [api, customer.id]);
  const [form, setForm] = useState<SamlRequest>({ source: "metadataUrl", binding: "POST" });
  const [error, setError] = useState<ErrorContract>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [testing, setTesting] = useState(false);
  const poll = useRef<number>();
  const messages = { t: (k: string, o?: Record<string, unknown>) => t(k, o) as string, exists: (k: string) => i18n.exists(k) };
  const fail = (e: unknown) => {
    setBusy(false);
    setNotice(undefined);
    setError(localizeSaml(errorFromUnknown(e), messages));
  };
  const set = (key: keyof SamlRequest) => (_e: unknown, value: string) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => () => window.clearInterval(poll.current), []);

  const save = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    api.saveSaml(customer.id, form).then(() => {
      setBusy(false);
      setNotice(t("team.saml.saved"));
      reload();
    }, fail);
  };

  const test = () => {
    setError(undefined);
    setNotice(undefined);
    // opened before the call answers, so that the browser does not treat it as an unrequested pop-up
    const win = window.open("about:blank", "portal-access-saml-test");
    api.startSamlTest(customer.id).then(
      ({ url }) => {
        if (win) {
          win.location.href = url;
        } else {
          window.open(url, "portal-access-saml-test");
        }
        setTesting(true);
        window.clearInterval(poll.current);
        const started = Date.now();
        poll.current = window.setInterval(() => {
          api.saml(customer.id).then((p) => {
            const finished = p.tested && p.testedAt && p.testedAt * 1000 >= started - 5000;
            if (finished || Date.now() - started > 10 * 60 * 1000) {
              window.clearInterval(poll.current);
              setTesting(false);
              reload();
              if (finished) {
                setNotice(t("team.saml.testSucceeded", { identity: p.testedAs ?? "" }));
              }
            }
          }, () => undefined);
        }, 2000);
      },
      (e) => {
        win?.close();
        fail(e);
      },
    );
  };

  const turn = (on: boolean) => {
    setBusy(true);
    setError(undefined);
    api.turnSaml(customer.id, on).then(() => {
      setBusy(false);
      setNotice(t(on ? "team.saml.turnedOn" : "team.saml.turnedOff"));
      reload();
    }, fail);
  };

  const remove = () => {
    setBusy(true);
    setError(undefined);
    api.removeSaml(customer.id).then(() => {
      setBusy(false);
      setNotice(t("team.saml.removed"));
      reload();
    }, fail);
  };

  const date = (seconds?: number | null) =>
    seconds ? new Date(seconds * 1000).toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short" }) : "";
  const fieldError = error && FIELDS.includes(error.field ?? "") ? error : undefined;

  return (
    <Card className="pa-team-card" data-testid="saml">
      <CardTitle component="h2">{t("team.saml.title")}</CardTitle>
      <CardBody>
        <p className="pa-team-spaced">{t("team.saml.description")}</p>
        {notice && (
          <Alert variant="success" isInline title={notice} data-testid="saml-notice" />
        )}
        {error && !fieldError && <ErrorAlert error={error} onClose={() => setError(undefined)} />}
        {provider.kind === "failed" && <ErrorAlert error={localizeSaml(provider.error, messages)} />}
        {provider.kind === "ready" && provider.value.configured && (
          <Configured provider={provider.value} date={date} busy={busy} testing={testing}
            onTest={test} onTurn={turn} onRemove={remove} />
        )}
        {provider.kind === "ready" && (
          <Form onSubmit={save} className="pa-team-card" data-testid="saml-form">
            <FormGroup role="radiogroup" isInline label={t("team.saml.source")} fieldId="saml-source-metadataUrl">
              {SOURCES.map((source) => (
                <Radio key={source} id={`saml-source-${source}`} name="saml-source" label={t(`team.saml.sources.${source}`)}
                  isChecked={form.source === source} onChange={() => setForm((f) => ({ ...f, source }))}
                  data-testid={`saml-source-${source}`} />
              ))}
              <FieldError error={fieldError} field="source" />
            </FormGroup>
            {form.source === "metadataUrl" && (
              <FormGroup label={t("team.saml.metadataUrl")} fieldId="saml-metadata-url" isRequired>
                <TextInput id="saml-metadata-url" type="url" value={form.metadataUrl ?? ""} onChange={set("metadataUrl")}
                  validated={fieldError?.field === "metadataUrl" ? "error" : "default"} placeholder="https://idp.example.com/metadata" />
                <FieldError error={fieldError} field="metadataUrl" />
              </FormGroup>
            )}
            {form.source === "metadataXml" && (
              <FormGroup label={t("team.saml.metadataXml")} fieldId="saml-metadata-xml" isRequired>
                <input type="file" accept=".xml,application/xml,text/xml" aria-label={t("team.saml.upload")} data-testid="saml-metadata-file"
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    file?.text().then((text) => setForm((f) => ({ ...f, metadataXml: text })));
                  }} />
                <TextArea id="saml-metadata-xml" value={form.metadataXml ?? ""} onChange={set("metadataXml")} rows={5}
                  validated={fieldError?.field === "metadataXml" ? "error" : "default"} />
                <FieldError error={fieldError} field="metadataXml" />
              </FormGroup>
            )}
            {form.source === "manual" && (
              <>
                <FormGroup label={t("team.saml.entityId")} fieldId="saml-entity-id" isRequired>
                  <TextInput id="saml-entity-id" value={form.entityId ?? ""} onChange={set("entityId")}
                    validated={fieldError?.field === "entityId" ? "error" : "default"} />
                  <FieldError error={fieldError} field="entityId" />
                </FormGroup>
                <FormGroup label={t("team.saml.ssoUrl")} fieldId="saml-sso-url" isRequired>
                  <TextInput id="saml-sso-url" type="url" value={form.ssoUrl ?? ""} onChange={set("ssoUrl")}
                    validated={fieldError?.field === "ssoUrl" ? "error" : "default"} />
                  <FieldError error={fieldError} field="ssoUrl" />
                </FormGroup>
                <FormGroup label={t("team.saml.binding")} fieldId="saml-binding">
                  <FormSelect id="saml-binding" value={form.binding ?? "POST"} onChange={set("binding")}>
                    <FormSelectOption value="POST" label="HTTP-POST" />
                    <FormSelectOption value="REDIRECT" label="HTTP-Redirect" />
                  </FormSelect>
                  <FieldError error={fieldError} field="binding" />
                </FormGroup>
                <FormGroup label={t("team.saml.signingCertificate")} fieldId="saml-certificate" isRequired>
                  <TextArea id="saml-certificate" value={form.signingCertificate ?? ""} onChange={set("signingCertificate")} rows={4}
                    placeholder="-----BEGIN CERTIFICATE-----" validated={fieldError?.field === "signingCertificate" ? "error" : "default"} />
                  <FieldError error={fieldError} field="signingCertificate" />
                </FormGroup>
              </>
            )}
            <ActionGroup>
              <Button type="submit" variant="secondary" isDisabled={busy} isLoading={busy} data-testid="saml-save">
                {provider.value.configured ? t("team.saml.replace") : t("team.saml.save")}
              </Button>
            </ActionGroup>
          </Form>
        )}
      </CardBody>
    </Card>
  );
}

function Configured({ provider, date, busy, testing, onTest, onTurn, onRemove }: {
  provider: CustomerSamlProvider;
  date: (s?: number | null) => string;
  busy: boolean;
  testing: boolean;
  onTest: () => void;
  onTurn: (on: boolean) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const on = provider.state === "on";
  return (
    <div data-testid="saml-provider" data-state={provider.state} data-tested={String(!!provider.tested)}>
      <DescriptionList isCompact isHorizontal className="pa-team-spaced">
        <DescriptionListGroup>
          <DescriptionListTerm>{t("team.saml.state")}</DescriptionListTerm>
          <DescriptionListDescription>
            <Label isCompact color={on ? "green" : "orange"} data-testid="saml-state">{t(`team.saml.states.${provider.state ?? "testing"}`)}</Label>
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t("team.saml.entityId")}</DescriptionListTerm>
          <DescriptionListDescription data-testid="saml-entity-id">{provider.entityId}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t("team.saml.ssoUrl")}</DescriptionListTerm>
          <DescriptionListDescription>{provider.ssoUrl} ({provider.binding === "POST" ? "HTTP-POST" : "HTTP-Redirect"})</DescriptionListDescription>
        </DescriptionListGroup>
        {provider.domain && (
          <DescriptionListGroup>
            <DescriptionListTerm>{t("team.saml.domain")}</DescriptionListTerm>
            <DescriptionListDescription>{provider.domain}</DescriptionListDescription>
          </DescriptionListGroup>
        )}
        <DescriptionListGroup>
          <DescriptionListTerm>{t("team.saml.test")}</DescriptionListTerm>
          <DescriptionListDescription data-testid="saml-test-result">
            {provider.tested ? t("team.saml.testedAs", { identity: provider.testedAs ?? "", at: date(provider.testedAt) }) : t("team.saml.notTested")}
          </DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
      <p>{t("team.saml.forYourIdp")}</p>
      <ClipboardCopy isReadOnly hoverTip={t("team.serviceAccounts.copy")} clickTip={t("team.serviceAccounts.copied")}
        textAriaLabel={t("team.saml.spEntityId")}>{provider.spEntityId ?? ""}</ClipboardCopy>
      <ClipboardCopy isReadOnly hoverTip={t("team.serviceAccounts.copy")} clickTip={t("team.serviceAccounts.copied")}
        textAriaLabel={t("team.saml.acsUrl")}>{provider.acsUrl ?? ""}</ClipboardCopy>
      <ActionGroup className="pa-team-spaced">
        <Button variant="secondary" onClick={onTest} isDisabled={busy} isLoading={testing} data-testid="saml-test">
          {testing ? t("team.saml.testRunning") : t("team.saml.testSignIn")}
        </Button>
        {on ? (
          <Button variant="secondary" onClick={() => onTurn(false)} isDisabled={busy} data-testid="saml-turn-off">{t("team.saml.turnOff")}</Button>
        ) : (
          <Button variant="primary" onClick={() => onTurn(true)} isDisabled={busy || !provider.tested} data-testid="saml-turn-on">{t("team.saml.turnOn")}</Button>
        )}
        <Button variant="link" isDanger onClick={onRemove} isDisabled={busy} data-testid="saml-remove">{t("team.saml.remove")}</Button>
      </ActionGroup>
    </div>
  );
}
