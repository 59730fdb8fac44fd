import type IdentityProviderRepresentation from "@keycloak/keycloak-admin-client/lib/defs/identityProviderRepresentation.js";
import {
  ActionGroup,
  Button,
  Card,
  CardBody,
  CardTitle,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  InputGroup,
  InputGroupItem,
  Radio,
  Spinner,
  Stack,
  StackItem,
  Switch,
  Text,
  TextInput,
} from "@patternfly/react-core";
import { MinusCircleIcon, PlusCircleIcon } from "@patternfly/react-icons";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { useConsole, useRealm } from "../../ConsoleContext";
import { ErrorAlert, FieldError } from "../../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../../errors/errorContract";
import type { TabProps } from "./CustomerPage";
import { FieldRefusal, isAboutFields, useCanManage, useCustomersApi } from "./common";
import { cleanEntries, entryErrors } from "./entries";
import { useEntryCheck } from "./entryCheck";

/** The config key that marks a provider as set up by the customer (its organization id; CustomerSaml on the server). */
const CUSTOMER_SAML_ORGANIZATION = "portalaccess.customerSaml.organization";

/**
 * Customer-made SAML: the vendor's switch (customer setting selfService.saml) and the provider the customer's
 * Administrators set up on the team page (alias, entity id, state), which the vendor can disable, enable and remove
 * through Keycloak's own admin API.
 */
function CustomerMadeSaml({ customerId, settings, saveSettings, notify }: TabProps) {
  const { t } = useTranslation();
  const { admin } = useConsole();
  const { realm } = useRealm();
  const canManage = useCanManage();
  const [allowed, setAllowed] = useState(settings.selfService?.saml ?? false);
  const [provider, setProvider] = useState<IdentityProviderRepresentation | null | undefined>();
  const [error, setError] = useState<ErrorContract>();
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);

  useEffect(() => {
    admin.client.identityProviders.find({ realm: realm.name, realmOnly: false, max: 1000 }).then(
      (all) => setProvider(all.find((p) => p.config?.[CUSTOMER_SAML_ORGANIZATION] === customerId) ?? null),
      (e) => setError(errorFromUnknown(e)),
    );
  }, [admin, realm.name, customerId, round]);

  const toggle = (value: boolean) => {
    setBusy(true);
    setError(undefined);
    saveSettings({ selfService: { serviceAccounts: settings.selfService?.serviceAccounts ?? false, saml: value } }).then(
      (doc) => {
        setBusy(false);
        setAllowed(doc.selfService?.saml ?? value);
        notify(t("customers.saved"));
      },
      (e) => {
        setBusy(false);
        setError(errorFromUnknown(e));
      },
    );
  };

  const change = (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(undefined);
    action().then(
      () => {
        setBusy(false);
        notify(message);
        setRound((r) => r + 1);
      },
      (e) => {
        setBusy(false);
        setError(errorFromUnknown(e));
      },
    );
  };

  const alias = provider?.alias ?? "";
  const state = provider ? (provider.enabled === false ? "disabled" : (provider.config?.["portalaccess.customerSaml.state"] ?? "testing")) : "";
  return (
    <Card data-testid="customer-made-saml">
      <CardTitle>{t("customers.authentication.selfSaml")}</CardTitle>
      <CardBody>
        <Text className="pf-v5-u-mb-md">{t("customers.authentication.selfSamlHelp")}</Text>
        <Switch id="self-service-saml" label={t("customers.authentication.selfSamlSwitch")} isChecked={allowed}
          isDisabled={!canManage || busy} onChange={(_e, v) => toggle(v)} data-testid="self-service-saml" />
        <FieldRefusal error={error} field="selfService.saml" />
        {error && !isAboutFields(error, ["selfService.saml"]) && <ErrorAlert error={error} onClose={() => setError(undefined)} />}
        <Text component="h3" className="pf-v5-u-mt-md">{t("customers.authentication.customerMade")}</Text>
        {provider === undefined && !error && <Spinner size="md" aria-label={t("app.loading")} />}
        {provider === null && <Text data-testid="customer-made-none">{t("customers.authentication.customerMadeNone")}</Text>}
        {provider && (
          <div data-testid="customer-made-provider" data-alias={alias} data-state={state}>
            <Text>{t("customers.authentication.alias")}: <strong>{alias}</strong></Text>
            <Text>{t("customers.authentication.entityId")}: {provider.config?.idpEntityId}</Text>
            <Text>{t("customers.authentication.state")}: <span data-testid="customer-made-state">{t(`customers.authentication.state_${state}`)}</span></Text>
            {canManage && (
              <ActionGroup className="pf-v5-u-mt-sm">
                {provider.enabled === false ? (
                  <Button variant="secondary" isDisabled={busy} data-testid="customer-made-enable"
                    onClick={() => change(() => admin.client.identityProviders.update({ alias, realm: realm.name }, { ...provider, enabled: true }),
                      t("customers.authentication.customerMadeEnabled", { alias }))}>
                    {t("customers.authentication.enable")}
                  </Button>
                ) : (
                  <Button variant="secondary" isDisabled={busy} data-testid="customer-made-disable"
                    onClick={() => change(() => admin.client.identityProviders.update({ alias, realm: realm.name }, { ...provider, enabled: false }),
                      t("customers.authentication.customerMadeDisabled", { alias }))}>
                    {t("customers.authentication.disable")}
                  </Button>
                )}
                <Button variant="link" isDanger isDisabled={busy} data-testid="customer-made-remove"
                  onClick={() => change(() => admin.client.identityProviders.del({ alias, realm: realm.name }),
                    t("customers.authentication.customerMadeRemoved", { alias }))}>
                  {t("customers.authentication.remove")}
                </Button>
              </ActionGroup>
            )}
          </div>
        )}
      </CardBody>
    </Card>
  );
}

/** Domain restriction (switch and entries) and SAML (the customer's identity provider, just-in-time joining). */
export function AuthenticationTab(props: TabProps) {
  const { t } = useTranslation();
  return (
    <Stack hasGutter>
      <StackItem>
        {props.settings.domainRestriction ? <DomainRestriction {...props} /> : <Text>{t("customers.authentication.notInRealm")}</Text>}
      </StackItem>
      <StackItem>
        <Saml {...props} />
      </StackItem>
      {props.settings.selfService && (
        <StackItem>
          <CustomerMadeSaml {...props} />
        </StackItem>
      )}
    </Stack>
  );
}

const SECTION = "domainRestriction";

function DomainRestriction({ customerId, settings, saveSettings, notify }: TabProps) {
  const { t } = useTranslation();
  const canManage = useCanManage();
  const stored = settings.domainRestriction!;
  const [enabled, setEnabled] = useState(stored.enabled);
  const [entries, setEntries] = useState<string[]>(stored.entries.length ? stored.entries : [""]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorContract>();
  const api = useCustomersApi();
  const checks = useEntryCheck(api, customerId, entries, canManage);

  const saved = useMemo(() => entryErrors(error, `${SECTION}.entries`), [error]);

  const save = (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    const clean = cleanEntries(entries);
    saveSettings({ domainRestriction: { enabled, entries: clean } }).then(
      (doc) => {
        setBusy(false);
        const now = doc.domainRestriction ?? { enabled, entries: clean };
        setEnabled(now.enabled);
        setEntries(now.entries.length ? now.entries : [""]);
        notify(t("customers.saved"));
      },
      (err) => {
        setBusy(false);
        // the server names each bad entry by its index among the entries sent: keep the blanks out of the editor
        setEntries(clean.length ? clean : [""]);
        setError(errorFromUnknown(err));
      },
    );
  };

  const setEntry = (i: number, value: string) => {
    setEntries(entries.map((e, j) => (j === i ? value : e)));
    if (saved.has(i)) {
      setError(undefined);
    }
  };

  return (
    <Card>
      <CardTitle>{t("customers.authentication.domainRestriction")}</CardTitle>
      <CardBody>
        <Text className="pf-v5-u-mb-md">{t("customers.authentication.domainRestrictionHelp")}</Text>
        <Form onSubmit={save} data-testid="domain-restriction-form">
          <FormGroup fieldId="domain-restriction-switch">
            <Switch
              id="domain-restriction-switch"
              label={t("customers.authentication.switch")}
              isChecked={enabled}
              isDisabled={!canManage}
              onChange={(_e, on) => setEnabled(on)}
              data-testid="domain-restriction-switch"
            />
            <FieldRefusal error={error} field={`${SECTION}.enabled`} />
          </FormGroup>
          <FormGroup label={t("customers.authentication.entries")} fieldId="domain-entry-0" role="group">
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t("customers.authentication.entriesHelp")}</HelperTextItem>
              </HelperText>
            </FormHelperText>
            {entries.map((entry, i) => {
              const refusal = saved.get(i) ?? checks.errors.get(i);
              const field = `${SECTION}.entries[${i}]`;
              const checked = checks.checked.has(i) && !refusal && entry.trim() !== "";
              return (
                <div key={i} className="pf-v5-u-mt-sm" data-testid={`domain-entry-row-${i}`}>
                  <InputGroup>
                    <InputGroupItem isFill>
                      <TextInput
                        id={`domain-entry-${i}`}
                        value={entry}
                        aria-label={t("customers.authentication.entry", { n: i + 1 })}
                        isDisabled={!canManage}
                        onChange={(_e, value) => setEntry(i, value)}
                        validated={refusal ? "error" : checked ? "success" : "default"}
                        data-testid={`domain-entry-${i}`}
                      />
                    </InputGroupItem>
                    <InputGroupItem>
                      <Button
                        variant="plain"
                        aria-label={t("customers.authentication.removeEntry", { n: i + 1 })}
                        isDisabled={!canManage}
                        onClick={() => setEntries(entries.length === 1 ? [""] : entries.filter((_, j) => j !== i))}
                        data-testid={`domain-entry-remove-${i}`}
                      >
                        <MinusCircleIcon />
                      </Button>
                    </InputGroupItem>
                  </InputGroup>
                  {refusal ? (
                    <FieldError error={{ ...refusal, field }} field={field} />
                  ) : checks.pending.has(i) ? (
                    <FormHelperText>
                      <HelperText>
                        <HelperTextItem variant="indeterminate">{t("customers.authentication.checking")}</HelperTextItem>
                      </HelperText>
                    </FormHelperText>
                  ) : checked ? (
                    <FormHelperText>
                      <HelperText>
                        <HelperTextItem variant="success" data-testid={`domain-entry-ok-${i}`}>
                          {t("customers.authentication.entryOk")}
                        </HelperTextItem>
                      </HelperText>
                    </FormHelperText>
                  ) : null}
                </div>
              );
            })}
            <Button
              variant="link"
              icon={<PlusCircleIcon />}
              isInline
              className="pf-v5-u-mt-sm"
              isDisabled={!canManage}
              onClick={() => setEntries([...entries, ""])}
              data-testid="domain-entry-add"
            >
              {t("customers.authentication.addEntry")}
            </Button>
            <FieldRefusal error={error} field={`${SECTION}.entries`} />
            <FormHelperText>
              <HelperText>
                {enabled && cleanEntries(entries).length === 0 && (
                  <HelperTextItem variant="warning">{t("customers.authentication.noEntries")}</HelperTextItem>
                )}
                <HelperTextItem>{t("customers.authentication.membersKept")}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          {error && !isAboutFields(error, [`${SECTION}.entries`, `${SECTION}.enabled`]) && <ErrorAlert error={error} />}
          {canManage && (
            <ActionGroup>
              <Button type="submit" variant="primary" isLoading={busy} isDisabled={busy} data-testid="domain-restriction-save">
                {t("customers.save")}
              </Button>
            </ActionGroup>
          )}
        </Form>
      </CardBody>
    </Card>
  );
}

function Saml({ customerId, settings, saveSettings, notify }: TabProps) {
  const { t } = useTranslation();
  const { admin } = useConsole();
  const { realm } = useRealm();
  const api = useCustomersApi();
  const canManage = useCanManage();
  const [providers, setProviders] = useState<IdentityProviderRepresentation[] | ErrorContract | undefined>();
  const [linked, setLinked] = useState<string | null | undefined>();
  const [choice, setChoice] = useState("");
  const [linkError, setLinkError] = useState<ErrorContract>();
  const [busy, setBusy] = useState(false);
  const [jit, setJit] = useState(settings.jit?.withoutInvitation ?? "refuse");
  const [jitError, setJitError] = useState<ErrorContract>();
  const [jitBusy, setJitBusy] = useState(false);

  useEffect(() => {
    api.identityProvider(customerId).then(
      (l) => {
        // the server leaves out what is null
        setLinked(l.alias ?? null);
        setChoice(l.alias ?? "");
      },
      (e) => setLinkError(errorFromUnknown(e)),
    );
    admin.client.identityProviders.find({ realm: realm.name, realmOnly: false, max: 1000 }).then(
      (all) => setProviders(all.filter((p) => p.providerId === "saml")),
      (e) => setProviders(errorFromUnknown(e)),
    );
  }, [admin, api, customerId, realm.name]);

  // a provider can belong to one organization only (Keycloak's rule): offer the free ones and this customer's
  const offered = Array.isArray(providers)
    ? providers.filter((p) => !p.organizationId || p.alias === linked || p.organizationId === customerId)
    : [];

  const link = (alias: string | null) => {
    setBusy(true);
    setLinkError(undefined);
    api.linkIdentityProvider(customerId, alias).then(
      (l) => {
        setBusy(false);
        setLinked(l.alias ?? null);
        setChoice(l.alias ?? "");
        notify(l.alias ? t("customers.authentication.linked", { alias: l.alias }) : t("customers.authentication.unlinked"));
      },
      (e) => {
        setBusy(false);
        setLinkError(errorFromUnknown(e));
      },
    );
  };

  const saveJit = (e?: FormEvent) => {
    e?.preventDefault();
    setJitBusy(true);
    setJitError(undefined);
    saveSettings({ jit: { withoutInvitation: jit } }).then(
      (doc) => {
        setJitBusy(false);
        setJit(doc.jit?.withoutInvitation ?? jit);
        notify(t("customers.saved"));
      },
      (err) => {
        setJitBusy(false);
        setJitError(errorFromUnknown(err));
      },
    );
  };

  return (
    <Card>
      <CardTitle>{t("customers.authentication.saml")}</CardTitle>
      <CardBody>
        <Text className="pf-v5-u-mb-md">{t("customers.authentication.samlHelp")}</Text>
        <Form onSubmit={(e) => e.preventDefault()}>
          <FormGroup label={t("customers.authentication.identityProvider")} fieldId="saml-provider">
            {providers === undefined || linked === undefined ? (
              linkError ? null : <Spinner size="md" aria-label={t("app.loading")} />
            ) : !Array.isArray(providers) ? (
              <>
                <Text data-testid="saml-linked">{linked ?? t("customers.authentication.noIdentityProvider")}</Text>
                <HelperText>
                  <HelperTextItem variant="warning">{t("customers.authentication.providersUnavailable")}</HelperTextItem>
                </HelperText>
              </>
            ) : (
              <InputGroup>
                <InputGroupItem isFill>
                  <FormSelect
                    id="saml-provider"
                    value={choice}
                    isDisabled={!canManage || busy}
                    onChange={(_e, value) => setChoice(value)}
                    validated={linkError ? "error" : "default"}
                    data-testid="saml-provider"
                    data-linked={linked ?? ""}
                  >
                    <FormSelectOption value="" label={t("customers.authentication.noIdentityProvider")} />
                    {offered.map((p) => (
                      <FormSelectOption key={p.alias} value={p.alias ?? ""} label={p.displayName ? `${p.displayName} (${p.alias})` : (p.alias ?? "")} />
                    ))}
                  </FormSelect>
                </InputGroupItem>
                {canManage && (
                  <InputGroupItem>
                    <Button variant="secondary" isDisabled={busy || !choice || choice === linked} onClick={() => link(choice)} data-testid="saml-link">
                      {t("customers.authentication.link")}
                    </Button>
                  </InputGroupItem>
                )}
                {canManage && linked && (
                  <InputGroupItem>
                    <Button variant="link" isDanger isDisabled={busy} onClick={() => link(null)} data-testid="saml-unlink">
                      {t("customers.authentication.unlink")}
                    </Button>
                  </InputGroupItem>
                )}
              </InputGroup>
            )}
            {Array.isArray(providers) && providers.length === 0 && (
              <FormHelperText>
                <HelperText>
                  <HelperTextItem>{t("customers.authentication.noSamlProviders")}</HelperTextItem>
                </HelperText>
              </FormHelperText>
            )}
            <FieldRefusal error={linkError} field="alias" />
            {linkError && !isAboutFields(linkError, ["alias"]) && <ErrorAlert error={linkError} onClose={() => setLinkError(undefined)} />}
          </FormGroup>
        </Form>
        {settings.jit && (
          <Form onSubmit={saveJit} className="pf-v5-u-mt-lg" data-testid="jit-form">
            <FormGroup role="radiogroup" isStack label={t("customers.authentication.jit")} fieldId="jit-refuse">
              <FormHelperText>
                <HelperText>
                  <HelperTextItem>{t("customers.authentication.jitHelp")}</HelperTextItem>
                </HelperText>
              </FormHelperText>
              {(["refuse", "join"] as const).map((value) => (
                <Radio
                  key={value}
                  id={`jit-${value}`}
                  name="jit"
                  label={t(`customers.authentication.jit_${value}`)}
                  description={t(`customers.authentication.jit_${value}Help`)}
                  isChecked={jit === value}
                  isDisabled={!canManage}
                  onChange={() => setJit(value)}
                  data-testid={`jit-${value}`}
                />
              ))}
              <FieldRefusal error={jitError} field="jit.withoutInvitation" />
            </FormGroup>
            {jitError && !isAboutFields(jitError, ["jit.withoutInvitation"]) && <ErrorAlert error={jitError} />}
            {canManage && (
              <ActionGroup>
                <Button type="submit" variant="primary" isLoading={jitBusy} isDisabled={jitBusy} data-testid="jit-save">
                  {t("customers.save")}
                </Button>
              </ActionGroup>
            )}
          </Form>
        )}
      </CardBody>
    </Card>
  );
}
