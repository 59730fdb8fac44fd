import { ActionGroup, Alert, Button, Card, CardBody, Checkbox, Form, FormGroup, Label, LabelGroup, PageSection, TextInput } from "@patternfly/react-core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { type CustomerAccessSettings, isMissingDocument, RealmApiError, useRealmApis } from "../../api/realm";
import { useConsole, useRealm } from "../../ConsoleContext";
import { type ErrorContract, errorFromUnknown } from "../../errors/errorContract";
import { FieldMessage, Loading, NotAvailable, type Option, PageHeader, reasonText, RefusalAlert, StoredInvalid, Typeahead, useMessages } from "./common";
import { fieldErrors, type FieldErrors } from "./fieldErrors";

const PLACED = /^(autoInvite|removalSignOut|serviceAccountAudience|portalClients(\[\d+\])?)$/;

/** The realm's customer access settings (document settings/customer-access): one form, one Save, all or nothing. */
export default function CustomerAccessPage() {
  const { t } = useTranslation();
  const { realm, rights } = useRealm();
  const { admin } = useConsole();
  const { documents } = useRealmApis();
  const messages = useMessages();
  const [doc, setDoc] = useState<CustomerAccessSettings | undefined>();
  const [missing, setMissing] = useState(false);
  const [loadError, setLoadError] = useState<ErrorContract | undefined>();
  const [errors, setErrors] = useState<FieldErrors>(fieldErrors([]));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const canManage = rights.manageRealm;

  useEffect(() => {
    let live = true;
    documents.customerAccess(realm.name).then(
      (d) => live && setDoc({ ...d, portalClients: d.portalClients ?? [] }),
      (e) => {
        if (live) {
          if (isMissingDocument(e)) {
            setMissing(true);
          } else {
            setLoadError(errorFromUnknown(e));
          }
        }
      },
    );
    return () => {
      live = false;
    };
  }, [documents, realm.name]);

  const searchClients = useCallback(
    async (text: string): Promise<Option[]> => {
      const found = await admin.client.clients.find({ realm: realm.name, clientId: text || undefined, search: true, max: 10 });
      return found.map((c) => ({
        id: c.clientId!,
        label: c.clientId!,
        description: c.name ?? undefined,
        disabled: doc?.portalClients.includes(c.clientId!),
      }));
    },
    [admin, realm.name, doc],
  );

  const save = async () => {
    if (!doc) {
      return;
    }
    setSaving(true);
    setSaved(false);
    setErrors(fieldErrors([]));
    try {
      const audience = doc.serviceAccountAudience?.trim();
      const stored = await documents.saveCustomerAccess(realm.name, { ...doc, serviceAccountAudience: audience ? audience : null });
      setDoc({ ...stored, portalClients: stored.portalClients ?? [] });
      setSaved(true);
    } catch (e) {
      setErrors(fieldErrors(e instanceof RealmApiError ? e.violations : [errorFromUnknown(e)], (f) => PLACED.test(f)));
    } finally {
      setSaving(false);
    }
  };

  const change = (next: CustomerAccessSettings) => {
    setDoc(next);
    setSaved(false);
  };

  return (
    <>
      <PageHeader title={t("realm.customerAccess.title")} description={t("realm.customerAccess.description")} />
      <PageSection>
        {missing && <NotAvailable what="settings/customer-access" />}
        {loadError && <RefusalAlert error={loadError} testId="customer-access-error" />}
        {!doc && !missing && !loadError && <Loading />}
        {doc && <StoredInvalid invalid={doc.invalid} />}
        {doc && (
          <Card>
            <CardBody>
              <Form
                onSubmit={(e) => {
                  e.preventDefault();
                  void save();
                }}
              >
                <FormGroup fieldId="ca-auto-invite">
                  <Checkbox
                    id="ca-auto-invite"
                    label={t("realm.customerAccess.autoInvite")}
                    description={t("realm.customerAccess.autoInviteHelp")}
                    isChecked={doc.autoInvite}
                    isDisabled={!canManage}
                    onChange={(_e, on) => change({ ...doc, autoInvite: on })}
                    data-testid="ca-auto-invite"
                  />
                  <FieldMessage error={errors.at("autoInvite")} testId="ca-autoInvite-error" />
                </FormGroup>
                <FormGroup fieldId="ca-removal-sign-out">
                  <Checkbox
                    id="ca-removal-sign-out"
                    label={t("realm.customerAccess.removalSignOut")}
                    description={t("realm.customerAccess.removalSignOutHelp")}
                    isChecked={doc.removalSignOut}
                    isDisabled={!canManage}
                    onChange={(_e, on) => change({ ...doc, removalSignOut: on })}
                    data-testid="ca-removal-sign-out"
                  />
                  <FieldMessage error={errors.at("removalSignOut")} testId="ca-removalSignOut-error" />
                </FormGroup>
                <FormGroup label={t("realm.customerAccess.audience")} fieldId="ca-audience" labelInfo={t("realm.customerAccess.audienceHelp")}>
                  <TextInput
                    id="ca-audience"
                    value={doc.serviceAccountAudience ?? ""}
                    isDisabled={!canManage}
                    validated={errors.at("serviceAccountAudience") ? "error" : "default"}
                    onChange={(_e, v) => change({ ...doc, serviceAccountAudience: v })}
                    data-testid="ca-audience"
                  />
                  <FieldMessage error={errors.at("serviceAccountAudience")} testId="ca-serviceAccountAudience-error" />
                </FormGroup>
                <FormGroup label={t("realm.customerAccess.portalClients")} fieldId="ca-portal-clients" labelInfo={t("realm.customerAccess.portalClientsHelp")}>
                  <LabelGroup numLabels={20} aria-label={t("realm.customerAccess.portalClients")} data-testid="ca-portal-clients">
                    {doc.portalClients.map((c, i) => {
                      const error = errors.at(`portalClients[${i}]`);
                      return (
                        <Label
                          key={c}
                          color={error ? "red" : "blue"}
                          onClose={canManage ? () => change({ ...doc, portalClients: doc.portalClients.filter((x) => x !== c) }) : undefined}
                          closeBtnAriaLabel={t("realm.customerAccess.removeClient", { client: c })}
                          data-testid="ca-portal-client"
                          data-client={c}
                        >
                          {c}
                          {error ? ` — ${reasonText(error, messages)}` : ""}
                        </Label>
                      );
                    })}
                  </LabelGroup>
                  {canManage && (
                    <Typeahead
                      label={t("realm.customerAccess.addClient")}
                      placeholder={t("realm.customerAccess.addClient")}
                      search={searchClients}
                      onPick={(o) => !doc.portalClients.includes(o.id) && change({ ...doc, portalClients: [...doc.portalClients, o.id] })}
                      testId="ca-client-picker"
                    />
                  )}
                  {doc.portalClients.map((_c, i) => (
                    <FieldMessage key={i} error={errors.at(`portalClients[${i}]`)} testId="ca-portalClients-error" />
                  ))}
                  <FieldMessage error={errors.at("portalClients")} testId="ca-portalClients-error" />
                </FormGroup>
                {errors.unplaced.map((e, i) => (
                  <RefusalAlert key={i} error={e} testId="ca-other-error" />
                ))}
                {saved && <Alert variant="success" isInline title={t("realm.saved")} data-testid="ca-saved" />}
                {canManage && (
                  <ActionGroup>
                    <Button type="submit" variant="primary" isLoading={saving} isDisabled={saving} data-testid="ca-save">
                      {t("realm.save")}
                    </Button>
                  </ActionGroup>
                )}
              </Form>
            </CardBody>
          </Card>
        )}
      </PageSection>
    </>
  );
}
