import "@patternfly/react-styles/css/components/Table/table.css";

import {
  ActionGroup,
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Card,
  CardBody,
  CardTitle,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  Label,
  List,
  ListItem,
  PageSection,
  Switch,
  TextInput,
} from "@patternfly/react-core";
import { TrashIcon } from "@patternfly/react-icons";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";

import {
  isMissingDocument,
  type PartnerInfo,
  type PartnerSettings,
  RealmApiError,
  type TenantDetail,
  type TenantSummary,
  useRealmApis,
} from "../../api/realm";
import { useConsole, useRealm } from "../../ConsoleContext";
import { type ErrorContract, errorFromUnknown } from "../../errors/errorContract";
import { FieldMessage, Loading, NotAvailable, type Option, PageHeader, RefusalAlert, StoredInvalid, Typeahead } from "./common";

const TENANTS_PAGE = 50;

/** Partner access of the realm (seed 002): its settings and the customer tenants with their users and auto-add. */
export function PartnerPage() {
  const { t } = useTranslation();
  const { realm, rights } = useRealm();
  const { partner } = useRealmApis();
  const [info, setInfo] = useState<PartnerInfo | undefined>();
  const [error, setError] = useState<ErrorContract | undefined>();

  useEffect(() => {
    let live = true;
    partner.info(realm.name).then(
      (i) => live && setInfo(i),
      (e) => live && setError(errorFromUnknown(e)),
    );
    return () => {
      live = false;
    };
  }, [partner, realm.name]);

  return (
    <>
      <PageHeader title={t("realm.partner.title")} description={t("realm.partner.description")} />
      <PageSection>
        {error && <RefusalAlert error={error} testId="partner-error" />}
        {info === undefined && !error && <Loading />}
        {info && <PartnerSettingsCard realm={realm.name} info={info} canManage={rights.manageRealm} />}
      </PageSection>
      {info?.enabled && (
        <PageSection>
          <TenantsCard realm={realm.name} />
        </PageSection>
      )}
      {info && !info.enabled && (
        <PageSection>
          <Alert variant="info" isInline title={t("realm.partner.disabled")} data-testid="partner-disabled" />
        </PageSection>
      )}
    </>
  );
}

function PartnerSettingsCard({ realm, info, canManage }: { realm: string; info: PartnerInfo; canManage: boolean }) {
  const { t } = useTranslation();
  const { partner } = useRealmApis();
  const [settings, setSettings] = useState<PartnerSettings | undefined>();
  const [missing, setMissing] = useState(false);
  const [errors, setErrors] = useState<ErrorContract[]>([]);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    partner.settings(realm).then(
      (s) => live && setSettings(s),
      (e) => {
        if (!live) {
          return;
        }
        if (isMissingDocument(e)) {
          // the settings document is not on this server yet: show what the partner API says, read-only
          setMissing(true);
          setSettings({ enabled: info.enabled, staffGroup: info.staffGroup, portalUrl: null });
        } else {
          setErrors([errorFromUnknown(e)]);
        }
      },
    );
    return () => {
      live = false;
    };
  }, [partner, realm, info]);

  const save = async () => {
    if (!settings) {
      return;
    }
    setSaving(true);
    setSaved(false);
    setErrors([]);
    try {
      setSettings(await partner.saveSettings(realm, { ...settings, portalUrl: settings.portalUrl?.trim() ? settings.portalUrl.trim() : null }));
      setSaved(true);
    } catch (e) {
      setErrors(e instanceof RealmApiError ? e.violations : [errorFromUnknown(e)]);
    } finally {
      setSaving(false);
    }
  };

  const byField = (field: string) => errors.find((e) => e.field === field);
  const other = errors.filter((e) => !e.field || !["enabled", "staffGroup", "adminGroup", "portalUrl"].includes(e.field));
  const readOnly = !canManage || missing;

  return (
    <Card>
      <CardTitle component="h2">{t("realm.partner.settings")}</CardTitle>
      <CardBody>
        {missing && <NotAvailable what="settings/partner-access" />}
        <StoredInvalid invalid={settings?.invalid} />
        {!settings ? (
          <Loading />
        ) : (
          <Form
            isHorizontal
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <FormGroup label={t("realm.partner.enabled")} fieldId="partner-enabled">
              <Switch
                id="partner-enabled"
                isChecked={settings.enabled}
                isDisabled={readOnly}
                label={t("realm.on")}
                labelOff={t("realm.off")}
                onChange={(_e, on) => setSettings({ ...settings, enabled: on })}
                data-testid="partner-enabled"
              />
              <FieldMessage error={byField("enabled")} testId="partner-enabled-error" />
            </FormGroup>
            <FormGroup label={t("realm.partner.staffGroup")} fieldId="partner-staff-group" labelInfo={t("realm.partner.staffGroupHelp")}>
              <TextInput
                id="partner-staff-group"
                value={settings.staffGroup}
                isDisabled={readOnly}
                validated={byField("staffGroup") ? "error" : "default"}
                onChange={(_e, v) => setSettings({ ...settings, staffGroup: v })}
                data-testid="partner-staff-group"
              />
              <FieldMessage error={byField("staffGroup")} testId="partner-staffGroup-error" />
            </FormGroup>
            <FormGroup label={t("realm.partner.adminGroup")} fieldId="partner-admin-group" labelInfo={t("realm.partner.adminGroupHelp")}>
              <TextInput
                id="partner-admin-group"
                value={settings.adminGroup ?? ""}
                isDisabled={readOnly}
                validated={byField("adminGroup") ? "error" : "default"}
                onChange={(_e, v) => setSettings({ ...settings, adminGroup: v })}
                data-testid="partner-admin-group"
              />
              <FieldMessage error={byField("adminGroup")} testId="partner-adminGroup-error" />
            </FormGroup>
            <FormGroup label={t("realm.partner.portalUrl")} fieldId="partner-portal-url" labelInfo={t("realm.partner.portalUrlHelp")}>
              <TextInput
                id="partner-portal-url"
                type="url"
                value={settings.portalUrl ?? ""}
                isDisabled={readOnly}
                validated={byField("portalUrl") ? "error" : "default"}
                onChange={(_e, v) => setSettings({ ...settings, portalUrl: v })}
                data-testid="partner-portal-url"
              />
              <FieldMessage error={byField("portalUrl")} testId="partner-portalUrl-error" />
            </FormGroup>
            {other.map((e, i) => (
              <RefusalAlert key={i} error={e} testId="partner-settings-error" />
            ))}
            {saved && <Alert variant="success" isInline title={t("realm.saved")} data-testid="partner-settings-saved" />}
            {!readOnly && (
              <ActionGroup>
                <Button type="submit" variant="primary" isLoading={saving} isDisabled={saving} data-testid="partner-settings-save">
                  {t("realm.save")}
                </Button>
              </ActionGroup>
            )}
          </Form>
        )}
      </CardBody>
    </Card>
  );
}

function TenantsCard({ realm }: { realm: string }) {
  const { t } = useTranslation();
  const { partner } = useRealmApis();
  const [first, setFirst] = useState(0);
  const [tenants, setTenants] = useState<TenantSummary[] | undefined>();
  const [error, setError] = useState<ErrorContract | undefined>();

  useEffect(() => {
    let live = true;
    setTenants(undefined);
    // one more than a page: whether there is a next page
    partner.tenants(realm, first, TENANTS_PAGE + 1).then(
      (found) => live && setTenants(found),
      (e) => live && setError(errorFromUnknown(e)),
    );
    return () => {
      live = false;
    };
  }, [partner, realm, first]);

  const shown = tenants?.slice(0, TENANTS_PAGE);
  return (
    <Card>
      <CardTitle component="h2">{t("realm.partner.tenants")}</CardTitle>
      <CardBody>
        {error && <RefusalAlert error={error} testId="tenants-error" />}
        {!shown ? (
          !error && <Loading />
        ) : shown.length === 0 ? (
          <p data-testid="tenants-none">{t("realm.partner.noTenants")}</p>
        ) : (
          <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("realm.partner.tenants")} data-testid="tenants-table">
            <thead className="pf-v5-c-table__thead">
              <tr className="pf-v5-c-table__tr">
                <th className="pf-v5-c-table__th" scope="col">{t("realm.partner.tenant")}</th>
                <th className="pf-v5-c-table__th" scope="col">{t("realm.partner.alias")}</th>
                <th className="pf-v5-c-table__th" scope="col">{t("realm.partner.userCount")}</th>
                <th className="pf-v5-c-table__th" scope="col">{t("realm.partner.autoAdd")}</th>
              </tr>
            </thead>
            <tbody className="pf-v5-c-table__tbody">
              {shown.map((tenant) => (
                <tr key={tenant.id} className="pf-v5-c-table__tr" data-testid="tenant-row" data-tenant={tenant.alias ?? tenant.name}>
                  <td className="pf-v5-c-table__td" data-label={t("realm.partner.tenant")}>
                    <Link to={`tenants/${encodeURIComponent(tenant.id)}`} data-testid="tenant-link">
                      {tenant.name}
                    </Link>
                  </td>
                  <td className="pf-v5-c-table__td" data-label={t("realm.partner.alias")}>{tenant.alias}</td>
                  <td className="pf-v5-c-table__td" data-label={t("realm.partner.userCount")} data-testid="tenant-user-count">
                    {tenant.userCount}
                  </td>
                  <td className="pf-v5-c-table__td" data-label={t("realm.partner.autoAdd")}>
                    <Label color={tenant.autoAdd ? "green" : "grey"} data-testid="tenant-auto-add" data-on={String(tenant.autoAdd)}>
                      {tenant.autoAdd ? t("realm.on") : t("realm.off")}
                    </Label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Flex>
          <FlexItem>
            <Button variant="link" isDisabled={first === 0} onClick={() => setFirst(Math.max(0, first - TENANTS_PAGE))}>
              {t("realm.previous")}
            </Button>
          </FlexItem>
          <FlexItem>
            <Button variant="link" isDisabled={!tenants || tenants.length <= TENANTS_PAGE} onClick={() => setFirst(first + TENANTS_PAGE)}>
              {t("realm.next")}
            </Button>
          </FlexItem>
        </Flex>
      </CardBody>
    </Card>
  );
}

/** One tenant: who has access, grant, invite, pending invitations, revoke, and the auto-add toggle with its rules. */
export function TenantPage() {
  const { t } = useTranslation();
  const { tenantId = "" } = useParams();
  const { realm, rights } = useRealm();
  const { partner } = useRealmApis();
  const { admin } = useConsole();
  const canManage = rights.manageRealm || rights.manageUsers;
  const [tenant, setTenant] = useState<TenantDetail | undefined>();
  const [info, setInfo] = useState<PartnerInfo | undefined>();
  const [loadError, setLoadError] = useState<ErrorContract | undefined>();
  const [refusal, setRefusal] = useState<{ where: string; error: ErrorContract } | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([partner.tenant(realm.name, tenantId), partner.info(realm.name)]).then(
      ([d, i]) => {
        if (live) {
          setTenant(d);
          setInfo(i);
        }
      },
      (e) => live && setLoadError(errorFromUnknown(e)),
    );
    return () => {
      live = false;
    };
  }, [partner, realm.name, tenantId, reload]);

  const act = async (where: string, action: () => Promise<string | undefined>): Promise<boolean> => {
    setBusy(true);
    setRefusal(undefined);
    setNotice(undefined);
    try {
      setNotice(await action());
      setReload((n) => n + 1);
      return true;
    } catch (e) {
      setRefusal({ where, error: errorFromUnknown(e) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const searchPartnerUsers = useCallback(
    async (text: string): Promise<Option[]> => {
      const has = new Set(tenant?.users.map((u) => u.id));
      const label = (u: { id?: string; username?: string; email?: string | null }) => ({
        id: u.id!,
        label: u.username ?? u.id!,
        description: has.has(u.id!) ? t("realm.tenant.hasAccess") : (u.email ?? undefined),
        disabled: has.has(u.id!),
      });
      if (!text) {
        return (await partner.staff(realm.name, 0, 10)).map(label);
      }
      // Keycloak's user search, then only the partner users (members of the staff group)
      const found = await admin.client.users.find({ realm: realm.name, search: text, max: 10, briefRepresentation: true });
      const staffId = info?.staffGroupId;
      const partnerUsers = await Promise.all(
        found.map(async (u) => {
          const groups = await admin.client.users.listGroups({ realm: realm.name, id: u.id!, briefRepresentation: true, search: info?.staffGroup });
          return groups.some((g) => g.id === staffId) ? u : undefined;
        }),
      );
      return partnerUsers.filter((u) => u !== undefined).map((u) => label(u!));
    },
    [admin, partner, realm.name, info, tenant, t],
  );

  if (loadError) {
    return (
      <PageSection>
        <RefusalAlert error={loadError} testId="tenant-error" />
      </PageSection>
    );
  }
  if (!tenant || !info) {
    return (
      <PageSection>
        <Loading />
      </PageSection>
    );
  }

  const refusalAt = (where: string) => (refusal?.where === where ? <RefusalAlert error={refusal.error} testId={`tenant-refusal-${where.split(":")[0]}`} onClose={() => setRefusal(undefined)} /> : null);

  return (
    <>
      <PageSection variant="light">
        <Breadcrumb>
          <BreadcrumbItem>
            <Link to="../.." relative="path">{t("realm.partner.title")}</Link>
          </BreadcrumbItem>
          <BreadcrumbItem isActive>{tenant.name}</BreadcrumbItem>
        </Breadcrumb>
      </PageSection>
      <PageHeader title={t("realm.tenant.title", { name: tenant.name })} description={t("realm.tenant.description")} />
      {notice && (
        <PageSection>
          <Alert variant="success" isInline title={notice} data-testid="tenant-notice" />
        </PageSection>
      )}
      <PageSection>
        <Card>
          <CardTitle component="h2">{t("realm.tenant.autoAddTitle")}</CardTitle>
          <CardBody>
            <Switch
              id="tenant-auto-add"
              label={t("realm.tenant.autoAddLabel")}
              isChecked={tenant.autoAdd}
              isDisabled={!canManage || busy}
              onChange={(_e, on) =>
                void act("autoAdd", async () => {
                  const answer = await partner.setAutoAdd(realm.name, tenant.id, on);
                  return on ? t("realm.tenant.autoAddOn", { count: answer.added }) : t("realm.tenant.autoAddOff");
                })
              }
              data-testid="tenant-auto-add"
            />
            {refusalAt("autoAdd")}
            <div className="pa-rules" data-testid="tenant-auto-add-rules">
              <p>
                <strong>{t("realm.tenant.whenOn")}</strong>
              </p>
              <List>
                <ListItem>{t("realm.tenant.ruleOn1")}</ListItem>
                <ListItem>{t("realm.tenant.ruleOn2")}</ListItem>
                <ListItem>{t("realm.tenant.ruleOn3")}</ListItem>
              </List>
              <p>
                <strong>{t("realm.tenant.whenOff")}</strong>
              </p>
              <List>
                <ListItem>{t("realm.tenant.ruleOff1")}</ListItem>
                <ListItem>{t("realm.tenant.ruleOff2")}</ListItem>
                <ListItem>{t("realm.tenant.ruleOff3")}</ListItem>
              </List>
            </div>
          </CardBody>
        </Card>
      </PageSection>
      <PageSection>
        <Card>
          <CardTitle component="h2">{t("realm.tenant.users", { count: tenant.userCount })}</CardTitle>
          <CardBody>
            <Alert variant="info" isInline isPlain title={tenant.autoAdd ? t("realm.tenant.removalWhileAutoAdd") : t("realm.tenant.atLeastOne")} data-testid="tenant-removal-rule" />
            {refusalAt("revoke")}
            {tenant.users.length === 0 ? (
              <p data-testid="tenant-no-users">{t("realm.tenant.noUsers")}</p>
            ) : (
              <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("realm.tenant.usersLabel")} data-testid="tenant-users">
                <thead className="pf-v5-c-table__thead">
                  <tr className="pf-v5-c-table__tr">
                    <th className="pf-v5-c-table__th" scope="col">{t("realm.tenant.username")}</th>
                    <th className="pf-v5-c-table__th" scope="col">{t("realm.tenant.email")}</th>
                    <th className="pf-v5-c-table__th" scope="col">{t("realm.tenant.kind")}</th>
                    {canManage && <th className="pf-v5-c-table__th" scope="col"><span className="pf-v5-screen-reader">{t("realm.denylist.actions")}</span></th>}
                  </tr>
                </thead>
                <tbody className="pf-v5-c-table__tbody">
                  {tenant.users.map((u) => (
                    <tr key={u.id} className="pf-v5-c-table__tr" data-testid="tenant-user" data-username={u.username}>
                      <td className="pf-v5-c-table__td" data-label={t("realm.tenant.username")}>{u.username}</td>
                      <td className="pf-v5-c-table__td" data-label={t("realm.tenant.email")}>{u.email}</td>
                      <td className="pf-v5-c-table__td" data-label={t("realm.tenant.kind")}>
                        <Label isCompact color={u.partnerUser ? "blue" : "orange"}>
                          {u.partnerUser ? t("realm.tenant.partnerUser") : t("realm.tenant.externalUser")}
                        </Label>
                      </td>
                      {canManage && (
                        <td className="pf-v5-c-table__td">
                          <Button
                            variant="secondary"
                            isDanger
                            icon={<TrashIcon />}
                            isDisabled={busy}
                            aria-label={t("realm.tenant.revokeUser", { user: u.username })}
                            onClick={() =>
                              void act("revoke", async () => {
                                await partner.revoke(realm.name, tenant.id, u.id);
                                return t("realm.tenant.revoked", { user: u.username });
                              })
                            }
                            data-testid="tenant-revoke"
                          >
                            {t("realm.tenant.revoke")}
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
      </PageSection>
      {canManage && (
        <PageSection>
          <Card>
            <CardTitle component="h2">{t("realm.tenant.grantTitle")}</CardTitle>
            <CardBody>
              <p>{t("realm.tenant.grantHelp")}</p>
              <Typeahead
                label={t("realm.tenant.grantSearch")}
                placeholder={t("realm.tenant.grantSearch")}
                search={searchPartnerUsers}
                isDisabled={busy}
                testId="tenant-grant"
                onPick={(o) =>
                  void act("grant", async () => {
                    await partner.grant(realm.name, tenant.id, o.id);
                    return t("realm.tenant.granted", { user: o.label });
                  })
                }
              />
              {refusalAt("grant")}
            </CardBody>
          </Card>
        </PageSection>
      )}
      {canManage && (
        <PageSection>
          <InviteCard
            busy={busy}
            refusal={refusal?.where === "invite" ? refusal.error : undefined}
            onInvite={(inv) =>
              act("invite", async () => {
                await partner.invite(realm.name, tenant.id, inv);
                return t("realm.tenant.invited", { email: inv.email });
              })
            }
          />
        </PageSection>
      )}
      <PageSection>
        <Card>
          <CardTitle component="h2">{t("realm.tenant.invitations")}</CardTitle>
          <CardBody>
            {refusalAt("cancel")}
            {tenant.invitations.length === 0 ? (
              <p data-testid="tenant-no-invitations">{t("realm.tenant.noInvitations")}</p>
            ) : (
              <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("realm.tenant.invitations")} data-testid="tenant-invitations">
                <thead className="pf-v5-c-table__thead">
                  <tr className="pf-v5-c-table__tr">
                    <th className="pf-v5-c-table__th" scope="col">{t("realm.tenant.email")}</th>
                    <th className="pf-v5-c-table__th" scope="col">{t("realm.tenant.name")}</th>
                    <th className="pf-v5-c-table__th" scope="col">{t("realm.tenant.expires")}</th>
                    {canManage && <th className="pf-v5-c-table__th" scope="col"><span className="pf-v5-screen-reader">{t("realm.denylist.actions")}</span></th>}
                  </tr>
                </thead>
                <tbody className="pf-v5-c-table__tbody">
                  {tenant.invitations.map((inv) => (
                    <tr key={inv.id} className="pf-v5-c-table__tr" data-testid="tenant-invitation" data-email={inv.email}>
                      <td className="pf-v5-c-table__td">{inv.email}</td>
                      <td className="pf-v5-c-table__td">{[inv.firstName, inv.lastName].filter(Boolean).join(" ")}</td>
                      <td className="pf-v5-c-table__td">{inv.expiresAt ? new Date(inv.expiresAt * (inv.expiresAt < 1e12 ? 1000 : 1)).toLocaleString() : ""}</td>
                      {canManage && (
                        <td className="pf-v5-c-table__td">
                          <Button
                            variant="link"
                            isDisabled={busy}
                            aria-label={t("realm.tenant.cancelInvitation", { email: inv.email })}
                            onClick={() =>
                              void act("cancel", async () => {
                                await partner.cancelInvitation(realm.name, tenant.id, inv.id);
                                return t("realm.tenant.cancelled", { email: inv.email });
                              })
                            }
                            data-testid="tenant-cancel-invitation"
                          >
                            {t("realm.tenant.cancel")}
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
      </PageSection>
    </>
  );
}

function InviteCard({
  busy,
  refusal,
  onInvite,
}: {
  busy: boolean;
  refusal?: ErrorContract;
  onInvite: (invitation: { email: string; firstName?: string; lastName?: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const fieldOf = (f: string) => (refusal?.field === f ? refusal : undefined);
  const general = refusal && !["email", "firstName", "lastName"].includes(refusal.field ?? "") ? refusal : undefined;

  return (
    <Card>
      <CardTitle component="h2">{t("realm.tenant.inviteTitle")}</CardTitle>
      <CardBody>
        <p>{t("realm.tenant.inviteHelp")}</p>
        <Form
          isHorizontal
          onSubmit={(e) => {
            e.preventDefault();
            void onInvite({ email: email.trim(), firstName: firstName.trim() || undefined, lastName: lastName.trim() || undefined }).then((sent) => {
              if (!sent) {
                return;
              }
              setEmail("");
              setFirstName("");
              setLastName("");
            });
          }}
        >
          <FormGroup label={t("realm.tenant.email")} isRequired fieldId="invite-email">
            <TextInput id="invite-email" type="email" value={email} isRequired validated={fieldOf("email") ? "error" : "default"} onChange={(_e, v) => setEmail(v)} data-testid="invite-email" />
            <FieldMessage error={fieldOf("email")} testId="invite-email-error" />
          </FormGroup>
          <FormGroup label={t("realm.tenant.firstName")} fieldId="invite-first-name">
            <TextInput id="invite-first-name" value={firstName} onChange={(_e, v) => setFirstName(v)} data-testid="invite-first-name" />
          </FormGroup>
          <FormGroup label={t("realm.tenant.lastName")} fieldId="invite-last-name">
            <TextInput id="invite-last-name" value={lastName} onChange={(_e, v) => setLastName(v)} data-testid="invite-last-name" />
          </FormGroup>
          {general && <RefusalAlert error={general} testId="tenant-refusal-invite" />}
          <ActionGroup>
            <Button type="submit" variant="primary" isDisabled={busy || email.trim() === ""} data-testid="invite-send">
              {t("realm.tenant.inviteSend")}
            </Button>
          </ActionGroup>
        </Form>
      </CardBody>
    </Card>
  );
}
