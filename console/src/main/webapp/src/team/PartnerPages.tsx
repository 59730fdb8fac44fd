import {
  ActionGroup,
  Alert,
  AlertActionCloseButton,
  Button,
  Card,
  CardBody,
  CardTitle,
  EmptyState,
  EmptyStateBody,
  EmptyStateHeader,
  Form,
  FormGroup,
  Grid,
  GridItem,
  Label,
  Menu,
  MenuContent,
  MenuItem,
  MenuList,
  Modal,
  PageSection,
  Split,
  SplitItem,
  Switch,
  Text,
  TextContent,
  TextInput,
} from "@patternfly/react-core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router-dom";

import {
  grantCandidates,
  type OwnTenant,
  type PartnerPerson,
  type PartnerTeamClient,
  type PartnerTenant,
  type TenantDetail,
  type TenantInvitation,
  type TenantUser,
} from "../api/partnerTeam";
import { ErrorAlert, FieldError } from "../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../errors/errorContract";
import { Loading } from "./CustomersPage";
import { useTeam } from "./TeamContext";
import { localize } from "./teamErrors";
import { useLoad } from "./useLoad";

function usePartner(): PartnerTeamClient {
  const { partner } = useTeam();
  if (!partner) {
    throw new Error("partner pages without the partner API");
  }
  return partner;
}

function useMessages() {
  const { t, i18n } = useTranslation();
  return { t: (k: string, o?: Record<string, unknown>) => t(k, o) as string, exists: (k: string) => i18n.exists(k) };
}

/** A partner administrator's tenants: every tenant of the realm (the realm is the partner's account). */
export function PartnerTenantsPage() {
  const { t } = useTranslation();
  const partner = usePartner();
  const messages = useMessages();
  const [tenants] = useLoad(() => partner.tenants<PartnerTenant>(), [partner]);
  if (tenants.kind === "loading") {
    return <Loading />;
  }
  if (tenants.kind === "failed") {
    return (
      <PageSection>
        <ErrorAlert error={localize(tenants.error, messages)} />
      </PageSection>
    );
  }
  return (
    <>
      <PageSection variant="light">
        <TextContent>
          <Text component="h1" data-testid="tenants-title">{t("team.partner.tenants.title")}</Text>
          <Text component="p">{t("team.partner.tenants.description")}</Text>
        </TextContent>
      </PageSection>
      <PageSection>
        <Card>
          <CardBody>
            {tenants.value.length === 0 ? (
              <p data-testid="no-tenants">{t("team.partner.tenants.none")}</p>
            ) : (
              <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("team.partner.tenants.title")} data-testid="tenant-list">
                <thead className="pf-v5-c-table__thead">
                  <tr className="pf-v5-c-table__tr">
                    <th className="pf-v5-c-table__th" scope="col">{t("team.partner.tenants.name")}</th>
                    <th className="pf-v5-c-table__th" scope="col">{t("team.partner.tenants.users")}</th>
                    <th className="pf-v5-c-table__th" scope="col">{t("team.partner.autoAdd.label")}</th>
                  </tr>
                </thead>
                <tbody className="pf-v5-c-table__tbody">
                  {tenants.value.map((tenant) => (
                    <tr className="pf-v5-c-table__tr" key={tenant.id}>
                      <td className="pf-v5-c-table__td" data-label={t("team.partner.tenants.name")}>
                        <Link to={`/tenants/${encodeURIComponent(tenant.id)}`} data-testid={`tenant-${tenant.alias}`}>
                          {tenant.name}
                        </Link>
                      </td>
                      <td className="pf-v5-c-table__td" data-label={t("team.partner.tenants.users")}>{tenant.userCount}</td>
                      <td className="pf-v5-c-table__td" data-label={t("team.partner.autoAdd.label")}>
                        {tenant.autoAdd ? t("team.partner.autoAdd.on") : t("team.partner.autoAdd.off")}
                      </td>
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

interface TenantData {
  tenant: TenantDetail;
  partnerUsers: PartnerPerson[];
}

/** One tenant for a partner administrator: who has access, grant, revoke, invite, cancel, auto-add. */
export function PartnerTenantPage() {
  const { tenantId = "" } = useParams();
  const { t } = useTranslation();
  const partner = usePartner();
  const messages = useMessages();
  const [data, reload] = useLoad<TenantData | undefined>(async () => {
    const tenant = await partner.tenant(tenantId);
    if (!Array.isArray(tenant.users)) {
      return undefined; // one's own tenant as a partner user sees it: their list is where they open it
    }
    return { tenant, partnerUsers: await partner.partnerUsers() };
  }, [partner, tenantId]);
  const [notice, setNotice] = useState<string>();
  const [actionError, setActionError] = useState<ErrorContract>();
  const [revoking, setRevoking] = useState<TenantUser>();

  const fail = (e: unknown) => {
    setNotice(undefined);
    setActionError(localize(errorFromUnknown(e), messages));
  };
  const done = (message: string) => {
    setActionError(undefined);
    setNotice(message);
    reload();
  };

  if (data.kind === "loading") {
    return <Loading />;
  }
  if (data.kind === "failed") {
    return (
      <PageSection>
        <ErrorAlert error={localize(data.error, messages)} />
      </PageSection>
    );
  }
  if (!data.value) {
    return <Navigate to="/" replace />;
  }
  const { tenant, partnerUsers } = data.value;
  const revoke = (user: TenantUser) => {
    setRevoking(undefined);
    partner.revoke(tenant.id, user.id).then(() => done(t("team.partner.users.revoked", { user: user.username, tenant: tenant.name })), fail);
  };
  const cancel = (invitation: TenantInvitation) =>
    partner
      .cancelInvitation(tenant.id, invitation.id)
      .then(() => done(t("team.invitations.cancelled", { email: invitation.email })), fail);
  const autoAdd = (on: boolean) =>
    partner.setAutoAdd(tenant.id, on).then(
      (answer) => done(on ? t("team.partner.autoAdd.switchedOn", { count: answer.added }) : t("team.partner.autoAdd.switchedOff")),
      fail,
    );

  return (
    <>
      <PageSection variant="light">
        <Split hasGutter>
          <SplitItem isFilled>
            <TextContent>
              <Text component="h1" data-testid="tenant-name">{tenant.name}</Text>
              <Text component="p">{t("team.partner.tenant.description")}</Text>
            </TextContent>
          </SplitItem>
          <SplitItem>
            <Link to="/" data-testid="all-tenants">{t("team.partner.tenant.all")}</Link>
          </SplitItem>
        </Split>
      </PageSection>
      <PageSection>
        {notice && (
          <Alert
            variant="success"
            isInline
            title={notice}
            data-testid="team-notice"
            actionClose={<AlertActionCloseButton onClose={() => setNotice(undefined)} />}
          />
        )}
        {actionError && (
          <div data-testid="action-error" data-error={actionError.error ?? ""}>
            <ErrorAlert error={actionError} onClose={() => setActionError(undefined)} />
          </div>
        )}
        <Grid hasGutter>
          <GridItem lg={8}>
            <Card>
              <CardTitle component="h2">{t("team.partner.users.title")}</CardTitle>
              <CardBody>
                <Switch
                  id="auto-add"
                  label={t("team.partner.autoAdd.label")}
                  isChecked={tenant.autoAdd}
                  onChange={(_e, on) => void autoAdd(on)}
                  data-testid="auto-add"
                />
                <p className="pa-team-spaced">{t("team.partner.autoAdd.help")}</p>
                <UsersTable users={tenant.users} autoAdd={tenant.autoAdd} onRevoke={setRevoking} />
              </CardBody>
            </Card>
            <Card className="pa-team-card">
              <CardTitle component="h2">{t("team.invitations.title")}</CardTitle>
              <CardBody>
                {tenant.invitations.length === 0 ? (
                  <p data-testid="no-invitations">{t("team.invitations.empty")}</p>
                ) : (
                  <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("team.invitations.title")} data-testid="invitations">
                    <tbody className="pf-v5-c-table__tbody">
                      {tenant.invitations.map((invitation) => (
                        <tr className="pf-v5-c-table__tr" key={invitation.id} data-testid={`invitation-${invitation.email}`}>
                          <td className="pf-v5-c-table__td" data-label={t("team.invitations.email")}>{invitation.email}</td>
                          <td className="pf-v5-c-table__td" data-label={t("team.invitations.status")}>
                            <Label color="blue" isCompact>{t(`team.invitations.${invitation.status}`)}</Label>
                          </td>
                          <td className="pf-v5-c-table__td" data-label={t("team.invitations.actions")}>
                            <Button
                              variant="link"
                              isDanger
                              size="sm"
                              onClick={() => void cancel(invitation)}
                              aria-label={t("team.invitations.cancelLabel", { email: invitation.email })}
                              data-testid={`cancel-${invitation.email}`}
                            >
                              {t("team.invitations.cancel")}
                            </Button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </CardBody>
            </Card>
          </GridItem>
          <GridItem lg={4}>
            <GrantCard
              tenant={tenant}
              partnerUsers={partnerUsers}
              onGranted={(user) => done(t("team.partner.grant.granted", { user: user.username, tenant: tenant.name }))}
            />
            <InviteCard tenant={tenant} onSent={(email) => done(t("team.invite.sent", { email }))} />
          </GridItem>
        </Grid>
      </PageSection>
      {revoking && (
        <Modal
          variant="small"
          title={t("team.partner.revoke.title", { user: revoking.username })}
          isOpen
          onClose={() => setRevoking(undefined)}
          data-testid="revoke-dialog"
          actions={[
            <Button key="confirm" variant="danger" onClick={() => revoke(revoking)} data-testid="confirm-revoke">
              {t("team.partner.revoke.confirm")}
            </Button>,
            <Button key="cancel" variant="link" onClick={() => setRevoking(undefined)}>
              {t("team.remove.cancel")}
            </Button>,
          ]}
        >
          {t(revoking.partnerUser ? "team.partner.revoke.bodyPartner" : "team.partner.revoke.bodyExternal", {
            user: revoking.username,
            tenant: tenant.name,
          })}
        </Modal>
      )}
    </>
  );
}

function UsersTable({ users, autoAdd, onRevoke }: { users: TenantUser[]; autoAdd: boolean; onRevoke: (u: TenantUser) => void }) {
  const { t } = useTranslation();
  if (users.length === 0) {
    return <p>{t("team.partner.users.empty")}</p>;
  }
  return (
    <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("team.partner.users.title")} data-testid="tenant-users">
      <thead className="pf-v5-c-table__thead">
        <tr className="pf-v5-c-table__tr">
          <th className="pf-v5-c-table__th" scope="col">{t("team.members.username")}</th>
          <th className="pf-v5-c-table__th" scope="col">{t("team.members.email")}</th>
          <th className="pf-v5-c-table__th" scope="col">{t("team.partner.users.kind")}</th>
          <th className="pf-v5-c-table__th" scope="col">{t("team.members.actions")}</th>
        </tr>
      </thead>
      <tbody className="pf-v5-c-table__tbody">
        {users.map((user) => (
          <tr className="pf-v5-c-table__tr" key={user.id} data-testid={`user-${user.username}`}>
            <td className="pf-v5-c-table__td" data-label={t("team.members.username")}>{user.username}</td>
            <td className="pf-v5-c-table__td" data-label={t("team.members.email")}>{user.email}</td>
            <td className="pf-v5-c-table__td" data-label={t("team.partner.users.kind")}>
              <Label isCompact color={user.partnerUser ? "purple" : "grey"}>
                {user.partnerUser ? t("team.partner.users.partnerUser") : t("team.partner.users.external")}
              </Label>
            </td>
            <td className="pf-v5-c-table__td" data-label={t("team.members.actions")}>
              <Button
                variant="secondary"
                isDanger
                size="sm"
                onClick={() => onRevoke(user)}
                aria-label={t("team.partner.users.revokeLabel", { user: user.username })}
                title={autoAdd && user.partnerUser ? t("team.errors.autoAddEnabled") : undefined}
                data-testid={`revoke-${user.username}`}
              >
                {t("team.partner.users.revoke")}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GrantCard({ tenant, partnerUsers, onGranted }: { tenant: TenantDetail; partnerUsers: PartnerPerson[]; onGranted: (u: PartnerPerson) => void }) {
  const { t } = useTranslation();
  const partner = usePartner();
  const messages = useMessages();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<ErrorContract>();
  const choices = grantCandidates(partnerUsers, tenant.users, typed);
  const grant = (user: PartnerPerson) => {
    setError(undefined);
    partner.grant(tenant.id, user.id).then(
      () => {
        setTyped("");
        onGranted(user);
      },
      (e) => setError(localize(errorFromUnknown(e), messages)),
    );
  };
  return (
    <Card className="pa-team-invite">
      <CardTitle component="h2">{t("team.partner.grant.title")}</CardTitle>
      <CardBody>
        <p className="pa-team-spaced">{t("team.partner.grant.description")}</p>
        <FormGroup label={t("team.partner.grant.search")} fieldId="grant-search">
          <TextInput
            id="grant-search"
            value={typed}
            onChange={(_e, v) => setTyped(v)}
            autoComplete="off"
            validated={error?.field === "userId" ? "error" : "default"}
            data-testid="grant-search"
          />
          <FieldError error={error} field="userId" />
        </FormGroup>
        {error && error.field !== "userId" && <ErrorAlert error={error} />}
        {typed.trim() !== "" && (
          <Menu isPlain data-testid="grant-choices">
            <MenuContent>
              <MenuList>
                {choices.length === 0 ? (
                  <MenuItem isDisabled>{t("team.partner.grant.noMatch")}</MenuItem>
                ) : (
                  choices.map((user) => (
                    <MenuItem key={user.id} onClick={() => grant(user)} description={user.email ?? undefined} data-testid={`grant-${user.username}`}>
                      {user.username}
                    </MenuItem>
                  ))
                )}
              </MenuList>
            </MenuContent>
          </Menu>
        )}
      </CardBody>
    </Card>
  );
}

function InviteCard({ tenant, onSent }: { tenant: TenantDetail; onSent: (email: string) => void }) {
  const { t } = useTranslation();
  const partner = usePartner();
  const messages = useMessages();
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [email, setEmail] = useState("");
  const [error, setError] = useState<ErrorContract>();
  const [busy, setBusy] = useState(false);
  const fields = ["email", "firstName", "lastName"];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    partner.invite(tenant.id, { email, firstName, lastName }).then(
      (invitation) => {
        setBusy(false);
        setFirstName("");
        setLastName("");
        setEmail("");
        onSent(invitation.email);
      },
      (failure) => {
        setBusy(false);
        setError(localize(errorFromUnknown(failure), messages));
      },
    );
  };
  return (
    <Card className="pa-team-card">
      <CardTitle component="h2">{t("team.partner.invite.title")}</CardTitle>
      <CardBody>
        <p className="pa-team-spaced">{t("team.partner.invite.description")}</p>
        {error && !(error.field && fields.includes(error.field)) && <ErrorAlert error={error} />}
        <Form onSubmit={submit} data-testid="invite-form">
          <FormGroup label={t("team.invite.firstName")} fieldId="invite-first-name">
            <TextInput id="invite-first-name" value={firstName} onChange={(_e, v) => setFirstName(v)} autoComplete="off" />
          </FormGroup>
          <FormGroup label={t("team.invite.lastName")} fieldId="invite-last-name">
            <TextInput id="invite-last-name" value={lastName} onChange={(_e, v) => setLastName(v)} autoComplete="off" />
          </FormGroup>
          <FormGroup label={t("team.invite.email")} fieldId="invite-email" isRequired>
            <TextInput
              id="invite-email"
              type="email"
              isRequired
              value={email}
              onChange={(_e, v) => setEmail(v)}
              validated={error?.field === "email" ? "error" : "default"}
              autoComplete="off"
            />
            <FieldError error={error} field="email" />
          </FormGroup>
          <ActionGroup>
            <Button type="submit" variant="primary" isDisabled={busy} isLoading={busy} data-testid="invite-submit">
              {t("team.invite.submit")}
            </Button>
          </ActionGroup>
        </Form>
      </CardBody>
    </Card>
  );
}

/**
 * A partner user's own tenants. Switching tenant is opening the partner portal with that tenant chosen (its
 * openUrl: the realm's partner portal URL with ?tenant=<alias>); without a portal URL the tenants are listed only.
 */
export function MyTenantsPage() {
  const { t } = useTranslation();
  const partner = usePartner();
  const messages = useMessages();
  const [tenants] = useLoad(() => partner.tenants<OwnTenant>(), [partner]);
  if (tenants.kind === "loading") {
    return <Loading />;
  }
  if (tenants.kind === "failed") {
    return (
      <PageSection>
        <ErrorAlert error={localize(tenants.error, messages)} />
      </PageSection>
    );
  }
  if (tenants.value.length === 0) {
    return (
      <PageSection>
        <EmptyState data-testid="no-tenants">
          <EmptyStateHeader titleText={t("team.partner.mine.none")} headingLevel="h1" />
          <EmptyStateBody>{t("team.partner.mine.noneBody")}</EmptyStateBody>
        </EmptyState>
      </PageSection>
    );
  }
  return (
    <>
      <PageSection variant="light">
        <TextContent>
          <Text component="h1" data-testid="my-tenants-title">{t("team.partner.mine.title")}</Text>
          <Text component="p">{t("team.partner.mine.description")}</Text>
        </TextContent>
      </PageSection>
      <PageSection>
        <Card>
          <CardBody>
            <ul className="pa-team-tenants" data-testid="my-tenants">
              {tenants.value.map((tenant) => (
                <li key={tenant.id} className="pa-team-spaced" data-testid={`my-tenant-${tenant.alias}`}>
                  {tenant.openUrl ? (
                    <Button component="a" variant="secondary" href={tenant.openUrl} data-testid={`open-${tenant.alias}`}>
                      {t("team.partner.mine.open", { tenant: tenant.name })}
                    </Button>
                  ) : (
                    <span>{tenant.name}</span>
                  )}
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      </PageSection>
    </>
  );
}
