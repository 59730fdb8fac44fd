import {
  ActionGroup,
  Alert,
  AlertActionCloseButton,
  Button,
  Card,
  CardBody,
  CardTitle,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  Label,
  LabelGroup,
  Modal,
  PageSection,
  Split,
  SplitItem,
  Text,
  TextContent,
  TextInput,
} from "@patternfly/react-core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";

import {
  CUSTOMER_ROLES,
  type CustomerRole,
  displayName,
  type MyCustomer,
  type TeamInvitation,
  type TeamMember,
  teamRules,
} from "../api/team";
import { ErrorAlert, FieldError } from "../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../errors/errorContract";
import { Loading } from "./CustomersPage";
import { SamlCard } from "./SamlCard";
import { ServiceAccountsCard } from "./ServiceAccountsCard";
import { useTeam } from "./TeamContext";
import { localize } from "./teamErrors";
import { useLoad } from "./useLoad";

interface TeamData {
  customer: MyCustomer;
  customers: number;
  members: TeamMember[];
  invitations: TeamInvitation[];
}

/**
 * A customer's team: its features (read only), members with their roles, pending invitations; for its
 * Administrators also the invite form and the change controls (role, remove, resend, cancel). The rules are the
 * server's; the page shows where they apply (last Administrator, first joiner) and every refusal by its field.
 */
export function CustomerTeamPage() {
  const { customerId = "" } = useParams();
  const { t, i18n } = useTranslation();
  const { api, auth } = useTeam();
  const [data, reload] = useLoad<TeamData>(async () => {
    const [customer, members, invitations, customers] = await Promise.all([
      api.customer(customerId),
      api.members(customerId),
      api.invitations(customerId),
      api.customers(),
    ]);
    return { customer, members, invitations, customers: customers.length };
  }, [api, customerId]);
  const [notice, setNotice] = useState<string>();
  const [actionError, setActionError] = useState<ErrorContract>();
  const [removing, setRemoving] = useState<TeamMember>();

  const messages = { t: (k: string, o?: Record<string, unknown>) => t(k, o) as string, exists: (k: string) => i18n.exists(k) };
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
  const { customer, members, invitations } = data.value;
  const canManage = customer.canManageTeam;
  const rules = teamRules(members);
  const roleName = (role: CustomerRole | null) => (role ? t(`team.role.${role}`) : t("team.role.none"));

  const changeRole = (member: TeamMember, role: CustomerRole) =>
    api.changeRole(customer.id, member.id, role).then(
      () => done(t("team.members.roleChanged", { name: displayName(member), role: roleName(role) })),
      fail,
    );
  const remove = (member: TeamMember) => {
    setRemoving(undefined);
    api.removeMember(customer.id, member.id).then(() => done(t("team.members.removed", { name: displayName(member) })), fail);
  };
  const resend = (invitation: TeamInvitation) =>
    api.resend(customer.id, invitation.id).then(() => done(t("team.invitations.resent", { email: invitation.email })), fail);
  const cancel = (invitation: TeamInvitation) =>
    api
      .cancelInvitation(customer.id, invitation.id)
      .then(() => done(t("team.invitations.cancelled", { email: invitation.email })), fail);

  return (
    <>
      <PageSection variant="light">
        <Split hasGutter>
          <SplitItem isFilled>
            <TextContent>
              <Text component="h1" data-testid="customer-name">
                {customer.name}
              </Text>
              <Text component="p" data-testid="my-role">
                {t("team.customers.yourRole", { role: roleName(customer.role) })}
              </Text>
            </TextContent>
          </SplitItem>
          {data.value.customers > 1 && (
            <SplitItem>
              <Link to="/" data-testid="switch-customer">
                {t("team.customers.switch")}
              </Link>
            </SplitItem>
          )}
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
        {actionError && <ErrorAlert error={actionError} onClose={() => setActionError(undefined)} />}
        <Grid hasGutter>
          <GridItem lg={8}>
            <Card>
              <CardTitle component="h2">{t("team.members.title")}</CardTitle>
              <CardBody>
                {!canManage && (
                  <HelperText className="pa-team-spaced">
                    <HelperTextItem data-testid="read-only">{t("team.members.readOnly")}</HelperTextItem>
                  </HelperText>
                )}
                <MembersTable
                  members={members}
                  me={auth.user.username}
                  canManage={canManage}
                  isLast={rules.isLastAdministrator}
                  roleName={roleName}
                  onRole={changeRole}
                  onRemove={setRemoving}
                />
              </CardBody>
            </Card>
            <Card className="pa-team-card">
              <CardTitle component="h2">{t("team.invitations.title")}</CardTitle>
              <CardBody>
                <InvitationsTable
                  invitations={invitations}
                  canManage={canManage}
                  roleName={roleName}
                  onResend={resend}
                  onCancel={cancel}
                />
              </CardBody>
            </Card>
          </GridItem>
          <GridItem lg={4}>
            {canManage && (
              <InviteForm
                customerId={customer.id}
                firstJoiner={rules.firstJoinerBecomesAdministrator}
                onSent={(email) => done(t("team.invite.sent", { email }))}
              />
            )}
            {canManage && customer.serviceAccounts && <ServiceAccountsCard customer={customer} />}
            {canManage && customer.saml && <SamlCard customer={customer} />}
            <FeaturesCard customer={customer} />
          </GridItem>
        </Grid>
      </PageSection>
      {removing && (
        <Modal
          variant="small"
          title={t("team.remove.title", { name: displayName(removing) })}
          isOpen
          onClose={() => setRemoving(undefined)}
          data-testid="remove-dialog"
          actions={[
            <Button key="confirm" variant="danger" onClick={() => remove(removing)} data-testid="confirm-remove">
              {t("team.remove.confirm")}
            </Button>,
            <Button key="cancel" variant="link" onClick={() => setRemoving(undefined)}>
              {t("team.remove.cancel")}
            </Button>,
          ]}
        >
          {t("team.remove.body", { name: displayName(removing), customer: customer.name })}
        </Modal>
      )}
    </>
  );
}

function MembersTable(props: {
  members: TeamMember[];
  me: string;
  canManage: boolean;
  isLast: (m: TeamMember) => boolean;
  roleName: (r: CustomerRole | null) => string;
  onRole: (m: TeamMember, r: CustomerRole) => void;
  onRemove: (m: TeamMember) => void;
}) {
  const { t } = useTranslation();
  const { members, canManage } = props;
  if (members.length === 0) {
    return <p>{t("team.members.empty")}</p>;
  }
  return (
    <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("team.members.title")} data-testid="members">
      <thead className="pf-v5-c-table__thead">
        <tr className="pf-v5-c-table__tr">
          <th className="pf-v5-c-table__th" scope="col">{t("team.members.name")}</th>
          <th className="pf-v5-c-table__th" scope="col">{t("team.members.email")}</th>
          <th className="pf-v5-c-table__th" scope="col">{t("team.members.role")}</th>
          {canManage && <th className="pf-v5-c-table__th" scope="col">{t("team.members.actions")}</th>}
        </tr>
      </thead>
      <tbody className="pf-v5-c-table__tbody">
        {members.map((member) => {
          const name = displayName(member);
          const last = props.isLast(member);
          const machine = member.serviceAccount === true;
          return (
            <tr className="pf-v5-c-table__tr" key={member.id} data-testid={`member-${member.username}`} data-role={member.role ?? ""}>
              <td className="pf-v5-c-table__td" data-label={t("team.members.name")}>
                {name}
                {member.username === props.me && <> ({t("team.members.you")})</>}
                {machine && (
                  <>
                    {" "}
                    <Label isCompact>{t("team.members.serviceAccount")}</Label>
                  </>
                )}
              </td>
              <td className="pf-v5-c-table__td" data-label={t("team.members.email")}>{member.email}</td>
              <td className="pf-v5-c-table__td" data-label={t("team.members.role")}>
                {canManage && !machine ? (
                  <>
                    <FormSelect
                      value={member.role ?? ""}
                      onChange={(_e, value) => props.onRole(member, value as CustomerRole)}
                      aria-label={t("team.members.roleOf", { name })}
                      isDisabled={last}
                      data-testid={`role-${member.username}`}
                    >
                      {member.role === null && <FormSelectOption value="" label={t("team.role.none")} isDisabled />}
                      {CUSTOMER_ROLES.map((role) => (
                        <FormSelectOption key={role} value={role} label={props.roleName(role)} />
                      ))}
                    </FormSelect>
                    {last && (
                      <HelperText>
                        <HelperTextItem variant="indeterminate" data-testid={`last-admin-${member.username}`}>
                          {t("team.members.lastAdministrator")}
                        </HelperTextItem>
                      </HelperText>
                    )}
                  </>
                ) : (
                  <span data-testid={`role-text-${member.username}`}>{machine ? "" : props.roleName(member.role)}</span>
                )}
              </td>
              {canManage && (
                <td className="pf-v5-c-table__td" data-label={t("team.members.actions")}>
                  {!machine && (
                    <Button
                      variant="secondary"
                      isDanger
                      size="sm"
                      isDisabled={last}
                      onClick={() => props.onRemove(member)}
                      aria-label={t("team.members.removeLabel", { name })}
                      data-testid={`remove-${member.username}`}
                    >
                      {t("team.members.remove")}
                    </Button>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function InvitationsTable(props: {
  invitations: TeamInvitation[];
  canManage: boolean;
  roleName: (r: CustomerRole | null) => string;
  onResend: (i: TeamInvitation) => void;
  onCancel: (i: TeamInvitation) => void;
}) {
  const { t, i18n } = useTranslation();
  const { invitations, canManage } = props;
  if (invitations.length === 0) {
    return <p data-testid="no-invitations">{t("team.invitations.empty")}</p>;
  }
  const date = (seconds?: number | null) =>
    seconds ? new Date(seconds * 1000).toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short" }) : "";
  return (
    <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("team.invitations.title")} data-testid="invitations">
      <thead className="pf-v5-c-table__thead">
        <tr className="pf-v5-c-table__tr">
          <th className="pf-v5-c-table__th" scope="col">{t("team.invitations.email")}</th>
          <th className="pf-v5-c-table__th" scope="col">{t("team.invitations.name")}</th>
          <th className="pf-v5-c-table__th" scope="col">{t("team.invitations.role")}</th>
          <th className="pf-v5-c-table__th" scope="col">{t("team.invitations.status")}</th>
          <th className="pf-v5-c-table__th" scope="col">{t("team.invitations.expires")}</th>
          {canManage && <th className="pf-v5-c-table__th" scope="col">{t("team.invitations.actions")}</th>}
        </tr>
      </thead>
      <tbody className="pf-v5-c-table__tbody">
        {invitations.map((invitation) => (
          <tr className="pf-v5-c-table__tr" key={invitation.id} data-testid={`invitation-${invitation.email}`}>
            <td className="pf-v5-c-table__td" data-label={t("team.invitations.email")}>{invitation.email}</td>
            <td className="pf-v5-c-table__td" data-label={t("team.invitations.name")}>{displayName({ ...invitation, email: "" })}</td>
            <td className="pf-v5-c-table__td" data-label={t("team.invitations.role")}>{props.roleName(invitation.role)}</td>
            <td className="pf-v5-c-table__td" data-label={t("team.invitations.status")}>
              <Label color={invitation.status === "EXPIRED" ? "orange" : "blue"} isCompact>
                {t(`team.invitations.${invitation.status}`)}
              </Label>
            </td>
            <td className="pf-v5-c-table__td" data-label={t("team.invitations.expires")}>{date(invitation.expiresAt)}</td>
            {canManage && (
              <td className="pf-v5-c-table__td" data-label={t("team.invitations.actions")}>
                <Button
                  variant="link"
                  size="sm"
                  onClick={() => props.onResend(invitation)}
                  aria-label={t("team.invitations.resendLabel", { email: invitation.email })}
                  data-testid={`resend-${invitation.email}`}
                >
                  {t("team.invitations.resend")}
                </Button>
                <Button
                  variant="link"
                  isDanger
                  size="sm"
                  onClick={() => props.onCancel(invitation)}
                  aria-label={t("team.invitations.cancelLabel", { email: invitation.email })}
                  data-testid={`cancel-${invitation.email}`}
                >
                  {t("team.invitations.cancel")}
                </Button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InviteForm({ customerId, firstJoiner, onSent }: { customerId: string; firstJoiner: boolean; onSent: (email: string) => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useTeam();
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<CustomerRole>("User");
  const [error, setError] = useState<ErrorContract>();
  const [busy, setBusy] = useState(false);
  const messages = { t: (k: string, o?: Record<string, unknown>) => t(k, o) as string, exists: (k: string) => i18n.exists(k) };
  const fields = ["email", "firstName", "lastName", "role"];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    api.invite(customerId, { email, firstName, lastName, role }).then(
      (invitation) => {
        setBusy(false);
        setFirstName("");
        setLastName("");
        setEmail("");
        setRole("User");
        onSent(invitation.email);
      },
      (failure) => {
        setBusy(false);
        setError(localize(errorFromUnknown(failure), messages));
      },
    );
  };

  return (
    <Card className="pa-team-invite">
      <CardTitle component="h2">{t("team.invite.title")}</CardTitle>
      <CardBody>
        <p className="pa-team-spaced">{t("team.invite.description")}</p>
        {firstJoiner && (
          <Alert variant="info" isInline isPlain title={t("team.invite.firstJoiner")} data-testid="first-joiner" />
        )}
        {error && !(error.field && fields.includes(error.field)) && <ErrorAlert error={error} />}
        <Form onSubmit={submit} data-testid="invite-form">
          <FormGroup label={t("team.invite.firstName")} fieldId="invite-first-name">
            <TextInput id="invite-first-name" value={firstName} onChange={(_e, v) => setFirstName(v)} autoComplete="off" />
            <FieldError error={error} field="firstName" />
          </FormGroup>
          <FormGroup label={t("team.invite.lastName")} fieldId="invite-last-name">
            <TextInput id="invite-last-name" value={lastName} onChange={(_e, v) => setLastName(v)} autoComplete="off" />
            <FieldError error={error} field="lastName" />
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
          <FormGroup label={t("team.invite.role")} fieldId="invite-role" isRequired>
            <FormSelect id="invite-role" value={role} onChange={(_e, v) => setRole(v as CustomerRole)}>
              {CUSTOMER_ROLES.map((r) => (
                <FormSelectOption key={r} value={r} label={`${t(`team.role.${r}`)}: ${t(`team.roleHelp.${r}`)}`} />
              ))}
            </FormSelect>
            <FieldError error={error} field="role" />
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

function FeaturesCard({ customer }: { customer: MyCustomer }) {
  const { t } = useTranslation();
  const catalog = customer.featureCatalog ?? customer.features.map((name) => ({ name, label: name, enabled: true }));
  return (
    <Card className="pa-team-card">
      <CardTitle component="h2">{t("team.features.title")}</CardTitle>
      <CardBody>
        <p className="pa-team-spaced">{t("team.features.description", { customer: customer.name })}</p>
        {catalog.length === 0 ? (
          <p>{t("team.features.none")}</p>
        ) : (
          <LabelGroup numLabels={20} isVertical data-testid="features">
            {catalog.map((feature) => (
              <Label
                key={feature.name}
                color={feature.enabled ? "green" : "grey"}
                data-testid={`feature-${feature.name}`}
                data-enabled={feature.enabled}
              >
                {feature.label}: {feature.enabled ? t("team.features.enabled") : t("team.features.disabled")}
              </Label>
            ))}
          </LabelGroup>
        )}
      </CardBody>
    </Card>
  );
}
