import "@patternfly/react-styles/css/components/Table/table.css";

import {
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Label,
  Modal,
  ModalVariant,
  Spinner,
  Stack,
  StackItem,
  Text,
  TextInput,
  Tooltip,
} from "@patternfly/react-core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { CUSTOMER_ROLES, type CustomerRole, type Invitation, type Member } from "../../api/customers";
import { ErrorAlert } from "../../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../../errors/errorContract";
import type { TabProps } from "./CustomerPage";
import { ConfirmModal, FieldRefusal, isAboutFields, personName, useCanManage, useCustomersApi } from "./common";
import { fieldError } from "./entries";
import { lastAdministrators } from "./roles";
import { formatInstant } from "./time";

const PAGE = 100;

type Loaded<T> = { kind: "loading" } | { kind: "ready"; items: T[]; more: boolean } | { kind: "failed"; error: ErrorContract };

/** Members with their role, pending invitations, "Invite user"; every refusal where it happened. */
export function UsersTab({ customerId, customer, notify }: TabProps) {
  const { t, i18n } = useTranslation();
  const api = useCustomersApi();
  const canManage = useCanManage();
  const [members, setMembers] = useState<Loaded<Member>>({ kind: "loading" });
  const [invitations, setInvitations] = useState<Loaded<Invitation>>({ kind: "loading" });
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<Member>();
  const [cancelling, setCancelling] = useState<Invitation>();
  const [rowErrors, setRowErrors] = useState<Record<string, ErrorContract>>({});
  const [busyRow, setBusyRow] = useState<string>();

  const loadMembers = useCallback(
    (first = 0, before: Member[] = []) => {
      if (first === 0) {
        setMembers({ kind: "loading" });
        setRowErrors({});
      }
      api.members(customerId, { first, max: PAGE }).then(
        (page) => setMembers({ kind: "ready", items: [...before, ...page], more: page.length === PAGE }),
        (e) => setMembers({ kind: "failed", error: errorFromUnknown(e) }),
      );
    },
    [api, customerId],
  );
  const loadInvitations = useCallback(() => {
    api.invitations(customerId).then(
      (items) => setInvitations({ kind: "ready", items, more: false }),
      (e) => setInvitations({ kind: "failed", error: errorFromUnknown(e) }),
    );
  }, [api, customerId]);

  useEffect(() => {
    loadMembers();
    loadInvitations();
  }, [loadMembers, loadInvitations]);

  const people = members.kind === "ready" ? members.items : [];
  const complete = members.kind === "ready" && !members.more;
  const lastAdmins = complete ? lastAdministrators(people) : new Set<string>();
  const rolesOn = people.some((m) => m.role);
  const noAdministrator = complete && !people.some((m) => m.role === "Administrator");

  const changeRole = (member: Member, role: CustomerRole) => {
    setBusyRow(member.id);
    setRowErrors(({ [member.id]: _gone, ...rest }) => rest);
    api.changeRole(customerId, member.id, role).then(
      (updated) => {
        setBusyRow(undefined);
        setMembers((m) => (m.kind === "ready" ? { ...m, items: m.items.map((x) => (x.id === member.id ? { ...x, ...updated, role } : x)) } : m));
        notify(t("customers.users.roleChanged", { user: personName(member), role: t(`customers.users.role_${role}`) }));
      },
      (e) => {
        setBusyRow(undefined);
        setRowErrors((r) => ({ ...r, [member.id]: errorFromUnknown(e) }));
      },
    );
  };

  return (
    <Stack hasGutter>
      <StackItem>
        <Card>
          <CardHeader
            actions={{
              actions: canManage ? (
                <Button variant="primary" onClick={() => setInviting(true)} data-testid="invite-user">
                  {t("customers.users.invite")}
                </Button>
              ) : undefined,
              hasNoOffset: true,
            }}
          >
            <CardTitle>{t("customers.users.members")}</CardTitle>
          </CardHeader>
          <CardBody>
            {members.kind === "loading" && <Spinner aria-label={t("app.loading")} />}
            {members.kind === "failed" && <ErrorAlert error={members.error} />}
            {members.kind === "ready" && people.length === 0 && <Text data-testid="no-members">{t("customers.users.noMembers")}</Text>}
            {members.kind === "ready" && people.length > 0 && (
              <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("customers.users.members")} data-testid="members-table">
                <thead className="pf-v5-c-table__thead">
                  <tr className="pf-v5-c-table__tr">
                    <th className="pf-v5-c-table__th" scope="col">{t("customers.users.name")}</th>
                    <th className="pf-v5-c-table__th" scope="col">{t("customers.users.email")}</th>
                    <th className="pf-v5-c-table__th" scope="col">{t("customers.users.role")}</th>
                    <th className="pf-v5-c-table__th" scope="col" aria-label={t("customers.users.remove")} />
                  </tr>
                </thead>
                <tbody className="pf-v5-c-table__tbody">
                  {people.map((m) => {
                    const rowError = rowErrors[m.id];
                    const selectId = `role-${m.id}`;
                    return (
                      <tr className="pf-v5-c-table__tr" key={m.id} data-testid={`member-${m.username}`} data-role={m.role ?? ""}>
                        <td className="pf-v5-c-table__td" data-label={t("customers.users.name")}>
                          {personName(m)}
                          <div className="pf-v5-u-color-200 pf-v5-u-font-size-sm">{m.username}</div>
                          {m.serviceAccount && <Label isCompact>{t("customers.users.serviceAccount")}</Label>}{" "}
                          {m.managed && <Label isCompact color="purple">{t("customers.users.managed")}</Label>}
                        </td>
                        <td className="pf-v5-c-table__td" data-label={t("customers.users.email")}>{m.email}</td>
                        <td className="pf-v5-c-table__td" data-label={t("customers.users.role")}>
                          {m.serviceAccount || !rolesOn ? (
                            <span data-testid="member-role">{m.role ? t(`customers.users.role_${m.role}`) : t("customers.users.noRole")}</span>
                          ) : (
                            <>
                              <FormSelect
                                id={selectId}
                                value={m.role ?? ""}
                                isDisabled={!canManage || busyRow === m.id}
                                onChange={(_e, value) => changeRole(m, value as CustomerRole)}
                                aria-label={t("customers.users.roleOf", { user: personName(m) })}
                                validated={rowError ? "error" : "default"}
                                data-testid="member-role-select"
                              >
                                {!m.role && <FormSelectOption value="" label={t("customers.users.noRole")} isDisabled />}
                                {CUSTOMER_ROLES.map((r) => (
                                  <FormSelectOption key={r} value={r} label={t(`customers.users.role_${r}`)} />
                                ))}
                              </FormSelect>
                              {lastAdmins.has(m.id) && (
                                <Tooltip content={t("customers.users.lastAdministratorHelp")}>
                                  <Label isCompact color="orange" className="pf-v5-u-mt-xs" data-testid="last-administrator" tabIndex={0}>
                                    {t("customers.users.lastAdministrator")}
                                  </Label>
                                </Tooltip>
                              )}
                              {rowError && <RowError error={rowError} />}
                            </>
                          )}
                        </td>
                        <td className="pf-v5-c-table__td pf-v5-c-table__action">
                          {canManage && (
                            <Button
                              variant="secondary"
                              isDanger
                              size="sm"
                              onClick={() => setRemoving(m)}
                              aria-label={t("customers.users.removeOf", { user: personName(m) })}
                              data-testid="remove-member"
                            >
                              {t("customers.users.remove")}
                            </Button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            {members.kind === "ready" && members.more && (
              <Button variant="link" onClick={() => loadMembers(people.length, people)}>
                {t("customers.users.more")}
              </Button>
            )}
          </CardBody>
        </Card>
      </StackItem>
      <StackItem>
        <Card>
          <CardTitle>{t("customers.users.invitations")}</CardTitle>
          <CardBody>
            {invitations.kind === "loading" && <Spinner aria-label={t("app.loading")} />}
            {invitations.kind === "failed" && <ErrorAlert error={invitations.error} />}
            {invitations.kind === "ready" && invitations.items.length === 0 && <Text data-testid="no-invitations">{t("customers.users.noInvitations")}</Text>}
            {invitations.kind === "ready" && invitations.items.length > 0 && (
              <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={t("customers.users.invitations")} data-testid="invitations-table">
                <thead className="pf-v5-c-table__thead">
                  <tr className="pf-v5-c-table__tr">
                    <th className="pf-v5-c-table__th" scope="col">{t("customers.users.email")}</th>
                    <th className="pf-v5-c-table__th" scope="col">{t("customers.users.name")}</th>
                    <th className="pf-v5-c-table__th" scope="col">{t("customers.users.role")}</th>
                    <th className="pf-v5-c-table__th" scope="col">{t("customers.users.expires")}</th>
                    <th className="pf-v5-c-table__th" scope="col">{t("customers.users.status")}</th>
                    <th className="pf-v5-c-table__th" scope="col" aria-label={t("customers.users.resend")} />
                  </tr>
                </thead>
                <tbody className="pf-v5-c-table__tbody">
                  {invitations.items.map((inv) => (
                    <tr className="pf-v5-c-table__tr" key={inv.id} data-testid={`invitation-${inv.email}`} data-role={inv.role ?? ""}>
                      <td className="pf-v5-c-table__td" data-label={t("customers.users.email")}>{inv.email}</td>
                      <td className="pf-v5-c-table__td" data-label={t("customers.users.name")}>{personName(inv)}</td>
                      <td className="pf-v5-c-table__td" data-label={t("customers.users.role")}>{inv.role ? t(`customers.users.role_${inv.role}`) : ""}</td>
                      <td className="pf-v5-c-table__td" data-label={t("customers.users.expires")} data-testid="invitation-expires">
                        {formatInstant(inv.expiresAt, i18n.language)}
                      </td>
                      <td className="pf-v5-c-table__td" data-label={t("customers.users.status")}>
                        <Label isCompact color={inv.status === "EXPIRED" ? "red" : "blue"}>
                          {inv.status && i18n.exists(`customers.users.status${inv.status}`) ? t(`customers.users.status${inv.status}`) : inv.status}
                        </Label>
                      </td>
                      <td className="pf-v5-c-table__td pf-v5-c-table__action">
                        {canManage && (
                          <>
                            <Button
                              variant="secondary"
                              size="sm"
                              aria-label={t("customers.users.resendOf", { email: inv.email })}
                              data-testid="resend-invitation"
                              isDisabled={busyRow === inv.id}
                              onClick={() => {
                                setBusyRow(inv.id);
                                setRowErrors(({ [inv.id]: _gone, ...rest }) => rest);
                                api.resendInvitation(customerId, inv.id).then(
                                  () => {
                                    setBusyRow(undefined);
                                    notify(t("customers.users.resent", { email: inv.email }));
                                    loadInvitations();
                                  },
                                  (e) => {
                                    setBusyRow(undefined);
                                    setRowErrors((r) => ({ ...r, [inv.id]: errorFromUnknown(e) }));
                                  },
                                );
                              }}
                            >
                              {t("customers.users.resend")}
                            </Button>{" "}
                            <Button
                              variant="link"
                              isDanger
                              size="sm"
                              aria-label={t("customers.users.cancelOf", { email: inv.email })}
                              data-testid="cancel-invitation"
                              onClick={() => setCancelling(inv)}
                            >
                              {t("customers.users.cancelInvitation")}
                            </Button>
                            {rowErrors[inv.id] && <RowError error={rowErrors[inv.id]} />}
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </CardBody>
        </Card>
      </StackItem>
      {inviting && (
        <InviteModal
          customerId={customerId}
          firstUser={noAdministrator}
          onClose={() => setInviting(false)}
          onInvited={(inv) => {
            setInviting(false);
            notify(t("customers.users.invited", { email: inv.email }));
            loadInvitations();
          }}
        />
      )}
      {removing && (
        <RemoveMember
          member={removing}
          customerName={customer.name ?? ""}
          customerId={customerId}
          onClose={() => setRemoving(undefined)}
          onRemoved={() => {
            notify(t("customers.users.removed", { user: personName(removing) }));
            setRemoving(undefined);
            loadMembers();
          }}
        />
      )}
      {cancelling && (
        <CancelInvitation
          invitation={cancelling}
          customerId={customerId}
          onClose={() => setCancelling(undefined)}
          onCancelled={() => {
            notify(t("customers.users.cancelled", { email: cancelling.email }));
            setCancelling(undefined);
            loadInvitations();
          }}
        />
      )}
    </Stack>
  );
}

function RowError({ error }: { error: ErrorContract }) {
  return (
    <div className="pf-v5-u-mt-xs" data-testid="row-error">
      <ErrorAlert error={error} />
    </div>
  );
}

function RemoveMember({
  member,
  customerName,
  customerId,
  onClose,
  onRemoved,
}: {
  member: Member;
  customerName: string;
  customerId: string;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const api = useCustomersApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorContract>();
  const user = personName(member);
  return (
    <ConfirmModal
      title={t("customers.users.removeTitle", { user })}
      body={
        <>
          <p>{t("customers.users.removeBody", { user, customer: customerName })}</p>
          {member.managed && <p>{t("customers.users.removeManagedBody", { user })}</p>}
        </>
      }
      confirm={t("customers.users.remove")}
      busy={busy}
      error={error && <div className="pf-v5-u-mt-md"><ErrorAlert error={error} /></div>}
      onConfirm={() => {
        setBusy(true);
        setError(undefined);
        api.removeMember(customerId, member.id).then(onRemoved, (e) => {
          setBusy(false);
          setError(errorFromUnknown(e));
        });
      }}
      onClose={onClose}
      testId="remove-member-dialog"
    />
  );
}

function CancelInvitation({
  invitation,
  customerId,
  onClose,
  onCancelled,
}: {
  invitation: Invitation;
  customerId: string;
  onClose: () => void;
  onCancelled: () => void;
}) {
  const { t } = useTranslation();
  const api = useCustomersApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorContract>();
  return (
    <ConfirmModal
      title={t("customers.users.cancelTitle", { email: invitation.email })}
      body={<p>{t("customers.users.cancelBody")}</p>}
      confirm={t("customers.users.cancelInvitation")}
      cancel={t("customers.users.keep")}
      busy={busy}
      error={error && <div className="pf-v5-u-mt-md"><ErrorAlert error={error} /></div>}
      onConfirm={() => {
        setBusy(true);
        setError(undefined);
        api.cancelInvitation(customerId, invitation.id).then(onCancelled, (e) => {
          setBusy(false);
          setError(errorFromUnknown(e));
        });
      }}
      onClose={onClose}
      testId="cancel-invitation-dialog"
    />
  );
}

const INVITE_FIELDS = ["email", "firstName", "lastName", "role"];

function InviteModal({
  customerId,
  firstUser,
  onClose,
  onInvited,
}: {
  customerId: string;
  firstUser: boolean;
  onClose: () => void;
  onInvited: (invitation: Invitation) => void;
}) {
  const { t } = useTranslation();
  const api = useCustomersApi();
  const [form, setForm] = useState({ email: "", firstName: "", lastName: "", role: "User" as CustomerRole });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorContract>();

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    api
      .invite(customerId, {
        email: form.email.trim(),
        role: form.role,
        ...(form.firstName.trim() ? { firstName: form.firstName.trim() } : {}),
        ...(form.lastName.trim() ? { lastName: form.lastName.trim() } : {}),
      })
      .then(onInvited, (err) => {
        setBusy(false);
        setError(errorFromUnknown(err));
      });
  };

  const text = (name: "email" | "firstName" | "lastName", required = false) => (
    <FormGroup label={t(`customers.users.inviteDialog.${name}`)} isRequired={required} fieldId={`invite-${name}`}>
      <TextInput
        id={`invite-${name}`}
        type={name === "email" ? "email" : "text"}
        isRequired={required}
        value={form[name]}
        onChange={(_e, value) => setForm({ ...form, [name]: value })}
        validated={fieldError(error, name) ? "error" : "default"}
        data-testid={`invite-${name}`}
      />
      <FieldRefusal error={error} field={name} />
    </FormGroup>
  );

  return (
    <Modal
      variant={ModalVariant.medium}
      title={t("customers.users.inviteDialog.title")}
      isOpen
      onClose={onClose}
      data-testid="invite-dialog"
      actions={[
        <Button key="invite" variant="primary" type="submit" form="invite-form" isLoading={busy} isDisabled={busy || !form.email.trim()} data-testid="invite-submit">
          {t("customers.users.inviteDialog.submit")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("customers.cancel")}
        </Button>,
      ]}
    >
      <Form id="invite-form" onSubmit={submit}>
        {text("email", true)}
        {text("firstName")}
        {text("lastName")}
        <FormGroup label={t("customers.users.inviteDialog.role")} fieldId="invite-role">
          <FormSelect
            id="invite-role"
            value={form.role}
            onChange={(_e, value) => setForm({ ...form, role: value as CustomerRole })}
            validated={fieldError(error, "role") ? "error" : "default"}
            data-testid="invite-role"
          >
            {CUSTOMER_ROLES.map((r) => (
              <FormSelectOption key={r} value={r} label={`${t(`customers.users.role_${r}`)}: ${t(`customers.users.roleHelp_${r}`)}`} />
            ))}
          </FormSelect>
          <FieldRefusal error={error} field="role" />
          {firstUser && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant="indeterminate" data-testid="invite-first-user">
                  {t("customers.users.inviteDialog.firstUser")}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
        {error && !isAboutFields(error, INVITE_FIELDS) && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
