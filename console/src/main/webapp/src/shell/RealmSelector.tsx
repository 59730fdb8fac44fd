import type RealmRepresentation from "@keycloak/keycloak-admin-client/lib/defs/realmRepresentation.js";
import { MenuToggle, Select, SelectList, SelectOption, Spinner } from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

import { useConsole } from "../ConsoleContext";
import { ErrorAlert } from "../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../errors/errorContract";

/** For master-realm admins: the realms they may administer (Keycloak lists only those), like Keycloak's selector. */
export function RealmSelector({ current }: { current: string }) {
  const { t } = useTranslation();
  const { admin } = useConsole();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [realms, setRealms] = useState<RealmRepresentation[]>();
  const [error, setError] = useState<ErrorContract>();

  useEffect(() => {
    let live = true;
    admin.client.realms.find({ briefRepresentation: true }).then(
      (found) => live && setRealms([...found].sort((a, b) => (a.realm ?? "").localeCompare(b.realm ?? ""))),
      (e) => live && setError(errorFromUnknown(e)),
    );
    return () => {
      live = false;
    };
  }, [admin]);

  if (error) {
    return <ErrorAlert error={{ ...error, errorMessage: t("realmSelector.loadFailed") }} />;
  }
  return (
    <Select
      isOpen={open}
      selected={current}
      onOpenChange={setOpen}
      onSelect={(_event, value) => {
        setOpen(false);
        if (typeof value === "string" && value !== current) {
          navigate(`/${encodeURIComponent(value)}`);
        }
      }}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          isFullWidth
          isExpanded={open}
          onClick={() => setOpen(!open)}
          aria-label={t("realmSelector.toggle", { realm: current })}
          data-testid="realm-selector"
        >
          {current}
        </MenuToggle>
      )}
      shouldFocusToggleOnSelect
    >
      <SelectList aria-label={t("realmSelector.label")}>
        {realms === undefined ? (
          <SelectOption isDisabled value="">
            <Spinner size="sm" aria-label={t("app.loading")} />
          </SelectOption>
        ) : (
          realms.map((realm) => (
            <SelectOption
              key={realm.realm}
              value={realm.realm}
              description={realm.displayName && realm.displayName !== realm.realm ? realm.displayName : undefined}
              data-testid={`realm-option-${realm.realm}`}
            >
              {realm.realm}
            </SelectOption>
          ))
        )}
      </SelectList>
    </Select>
  );
}
