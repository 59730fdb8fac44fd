import {
  Alert,
  Button,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Menu,
  MenuContent,
  MenuItem,
  MenuList,
  PageSection,
  Spinner,
  Text,
  TextContent,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { describeError, type ErrorContract, type Messages } from "../../errors/errorContract";

export function useMessages(): Messages {
  const { t, i18n } = useTranslation();
  return {
    t: (key, options) => t(key, options) as string,
    exists: (key) => i18n.exists(key),
  };
}

/**
 * The text of a refusal: the realm pages' message for the rule engine's reason code (`realm.reason.<error>`:
 * multipleAt, invalidPunycode...), else the console's message for its `messageKey`, else the server's text, else a
 * generic one.
 */
export function reasonText(error: ErrorContract, messages: Messages): string {
  // the engine's reason is more precise than the key of its kind of refusal (portalAccessDenylistInvalidEntry...)
  if (messages.exists(`realm.reason.${error.error}`)) {
    return messages.t(`realm.reason.${error.error}`);
  }
  // a setting's generic refusal: its key says "invalid", the server's text says why
  if (error.error === "invalidValue" && error.errorMessage) {
    return messages.t("realm.invalidValue", { reason: error.errorMessage });
  }
  return describeError(error, messages).message;
}

/** The message of a refusal under a form field. */
export function FieldMessage({ error, testId }: { error?: ErrorContract; testId: string }) {
  const messages = useMessages();
  if (!error) {
    return null;
  }
  return (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant="error" data-testid={testId} data-error={error.error}>
          {reasonText(error, messages)}
        </HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}

/** A refusal in an alert, with the realm pages' reason texts. */
export function RefusalAlert({ error, testId = "refusal", onClose }: { error: ErrorContract; testId?: string; onClose?: () => void }) {
  const messages = useMessages();
  const shown = describeError(error, messages);
  return (
    <Alert
      variant="danger"
      isInline
      title={shown.title}
      data-testid={testId}
      data-error={error.error}
      actionClose={onClose ? <Button variant="plain" aria-label={messages.t("errors.close")} onClick={onClose}>×</Button> : undefined}
    >
      <p>{reasonText(error, messages)}</p>
    </Alert>
  );
}

export function PageHeader({ title, description, children }: { title: string; description?: ReactNode; children?: ReactNode }) {
  return (
    <PageSection variant="light">
      <TextContent>
        <Title headingLevel="h1" data-testid="page-title">
          {title}
        </Title>
        {description && <Text>{description}</Text>}
      </TextContent>
      {children}
    </PageSection>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <Spinner size="lg" aria-label={t("app.loading")} />;
}

/** A value that follows `value` once it has not changed for `ms`. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Stored values the server could not read (set around the typed API): they act as their defaults until saved. */
export function StoredInvalid({ invalid }: { invalid?: ErrorContract[] }) {
  const { t } = useTranslation();
  const messages = useMessages();
  if (!invalid || invalid.length === 0) {
    return null;
  }
  return (
    <Alert variant="warning" isInline title={t("realm.storedInvalid")} data-testid="stored-invalid">
      <ul>
        {invalid.map((e, i) => (
          <li key={i}>
            <code>{e.field}</code>: {reasonText(e, messages)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** The document this page edits is not on this server (the branch that serves it has not landed). */
export function NotAvailable({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <Alert variant="warning" isInline title={t("realm.notAvailable.title")} data-testid="not-available">
      <p>{t("realm.notAvailable.body", { what })}</p>
    </Alert>
  );
}

export interface Option {
  id: string;
  label: string;
  description?: string;
  disabled?: boolean;
}

/**
 * A search box with suggestions from the server (PatternFly's typeahead pattern): typing asks `search` (debounced),
 * the suggestions are a menu below the box (arrow down from the box, Enter picks), picking calls `onPick`.
 */
export function Typeahead({
  label,
  placeholder,
  search,
  onPick,
  testId,
  isDisabled,
}: {
  label: string;
  placeholder?: string;
  search: (text: string) => Promise<Option[]>;
  onPick: (option: Option) => void;
  testId: string;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Option[] | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  const debounced = useDebounced(text, 250);
  const menuRef = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) {
      return;
    }
    let live = true;
    // the last suggestions stay until the new ones arrive (no flicker under the pointer)
    search(debounced.trim()).then(
      (found) => {
        if (live) {
          setOptions(found);
          setFailed(undefined);
        }
      },
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [debounced, open, search]);

  const pick = (option: Option) => {
    onPick(option);
    setText("");
    setOpen(false);
  };

  return (
    <div className="pa-typeahead" data-testid={testId}>
      <TextInput
        id={id}
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        isDisabled={isDisabled}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        aria-autocomplete="list"
        data-testid={`${testId}-input`}
        onFocus={() => setOpen(true)}
        onChange={(_e, value) => {
          setText(value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            menuRef.current?.querySelector<HTMLElement>("button:not([disabled])")?.focus();
            e.preventDefault();
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {open && (
        <Menu ref={menuRef} id={`${id}-menu`} className="pa-typeahead-menu" isScrollable onSelect={() => undefined}>
          <MenuContent maxMenuHeight="280px">
            <MenuList aria-label={label}>
              {failed ? (
                <MenuItem isDisabled>{t("realm.typeahead.failed", { reason: failed })}</MenuItem>
              ) : options === undefined ? (
                <MenuItem isDisabled>{t("app.loading")}</MenuItem>
              ) : options.length === 0 ? (
                <MenuItem isDisabled data-testid={`${testId}-none`}>
                  {t("realm.typeahead.none")}
                </MenuItem>
              ) : (
                options.map((o) => (
                  <MenuItem
                    key={o.id}
                    itemId={o.id}
                    description={o.description}
                    isDisabled={o.disabled}
                    data-testid={`${testId}-option`}
                    data-value={o.label}
                    onClick={() => pick(o)}
                  >
                    {o.label}
                  </MenuItem>
                ))
              )}
            </MenuList>
          </MenuContent>
          <div className="pa-typeahead-close">
            <Button variant="link" isInline onClick={() => setOpen(false)}>
              {t("realm.typeahead.close")}
            </Button>
          </div>
        </Menu>
      )}
    </div>
  );
}
