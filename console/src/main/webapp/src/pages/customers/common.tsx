import { Alert, AlertActionCloseButton, AlertGroup, Button, Modal, ModalVariant } from "@patternfly/react-core";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { CustomersApi } from "../../api/customers";
import { useConsole, useRealm } from "../../ConsoleContext";
import { FieldError } from "../../errors/ErrorDisplay";
import type { ErrorContract } from "../../errors/errorContract";
import { fieldError } from "./entries";

/** The customer calls of the realm being managed. */
export function useCustomersApi(): CustomersApi {
  const { portalAccess } = useConsole();
  const { realm } = useRealm();
  return useMemo(() => new CustomersApi(portalAccess, realm.name), [portalAccess, realm.name]);
}

/**
 * Whether the signed-in admin may change customers: every organization (manage-organizations, manage-realm) or
 * the ones fine-grained permissions grant (the server refuses the others; the page shows that refusal).
 */
export function useCanManage(): boolean {
  const { rights } = useRealm();
  return rights.manageOrganizations || rights.delegatedOrganizations;
}

/** The refusal of `field` under it, from the top level or from `errors` (every bad field of a document). */
export function FieldRefusal({ error, field }: { error?: ErrorContract; field: string }) {
  const mine = fieldError(error, field);
  return <FieldError error={mine} field={field} />;
}

/** Whether any refusal of `error` names one of `fields` (then the alert is not needed). */
export function isAboutFields(error: ErrorContract | undefined, fields: string[]): boolean {
  if (!error) {
    return false;
  }
  return [error, ...(error.errors ?? [])].every((e) => !!e.field && fields.some((f) => e.field === f || e.field!.startsWith(`${f}[`)));
}

interface Notice {
  key: number;
  title: string;
  body?: string;
}

/** Success messages as toasts (screen readers hear them: PatternFly's live region). */
export function useNotices(): [ReactNode, (title: string, body?: string) => void] {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);
  const push = useCallback((title: string, body?: string) => {
    setNotices((current) => [...current, { key: Date.now() + Math.random(), title, body }]);
  }, []);
  const element = (
    <AlertGroup isToast isLiveRegion>
      {notices.map((n) => (
        <Alert
          key={n.key}
          variant="success"
          title={n.title}
          timeout={8000}
          onTimeout={() => setNotices((c) => c.filter((x) => x.key !== n.key))}
          actionClose={
            <AlertActionCloseButton
              aria-label={t("errors.close")}
              onClose={() => setNotices((c) => c.filter((x) => x.key !== n.key))}
            />
          }
          data-testid="notice"
        >
          {n.body}
        </Alert>
      ))}
    </AlertGroup>
  );
  return [element, push];
}

/** A confirmation before something that cannot simply be undone (remove, revoke, cancel). */
export function ConfirmModal({
  title,
  body,
  confirm,
  cancel,
  danger = true,
  busy,
  error,
  onConfirm,
  onClose,
  testId,
}: {
  title: string;
  body: ReactNode;
  confirm: string;
  cancel?: string;
  danger?: boolean;
  busy?: boolean;
  error?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      variant={ModalVariant.small}
      title={title}
      titleIconVariant={danger ? "warning" : undefined}
      isOpen
      onClose={onClose}
      data-testid={testId}
      actions={[
        <Button
          key="confirm"
          variant={danger ? "danger" : "primary"}
          onClick={onConfirm}
          isLoading={busy}
          isDisabled={busy}
          data-testid={`${testId}-confirm`}
        >
          {confirm}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose} data-testid={`${testId}-cancel`}>
          {cancel ?? t("customers.cancel")}
        </Button>,
      ]}
    >
      {body}
      {error}
    </Modal>
  );
}

/** The display name of a user: first and last name, else the username. */
export function personName(user: { firstName?: string | null; lastName?: string | null; username?: string; email?: string | null }): string {
  const full = [user.firstName, user.lastName].filter((p) => p && p.trim()).join(" ");
  return full || user.username || user.email || "";
}
