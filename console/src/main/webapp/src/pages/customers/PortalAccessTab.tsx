import { Card, CardBody, CardTitle, Stack, StackItem, Switch, Text, TextContent } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorAlert } from "../../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../../errors/errorContract";
import type { TabProps } from "./CustomerPage";
import { useCanManage } from "./common";

/** The customer's portal access switch, with what it does and what is kept. */
export function PortalAccessTab({ settings, saveSettings, notify }: TabProps) {
  const { t } = useTranslation();
  const canManage = useCanManage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorContract>();

  if (!settings.portalAccess) {
    return <Text>{t("customers.portalAccess.notInRealm")}</Text>;
  }
  const enabled = settings.portalAccess.enabled;

  const change = (on: boolean) => {
    setBusy(true);
    setError(undefined);
    saveSettings({ portalAccess: { enabled: on } }).then(
      () => {
        setBusy(false);
        notify(t("customers.saved"));
      },
      (e) => {
        setBusy(false);
        setError(errorFromUnknown(e));
      },
    );
  };

  return (
    <Stack hasGutter>
      <StackItem>
        <Card>
          <CardTitle>{t("customers.portalAccess.title")}</CardTitle>
          <CardBody>
            <Switch
              id="portal-access-switch"
              label={t("customers.portalAccess.switch")}
              isChecked={enabled}
              isDisabled={busy || !canManage}
              onChange={(_e, on) => change(on)}
              data-testid="portal-access-switch"
            />
            <TextContent className="pf-v5-u-mt-md">
              <Text data-testid="portal-access-state" data-enabled={String(enabled)}>
                {enabled ? t("customers.portalAccess.enabled") : t("customers.portalAccess.disabled")}
              </Text>
            </TextContent>
            {error && (
              <div className="pf-v5-u-mt-md">
                <ErrorAlert error={error} onClose={() => setError(undefined)} />
              </div>
            )}
          </CardBody>
        </Card>
      </StackItem>
      <StackItem>
        <Card>
          <CardTitle>{t("customers.portalAccess.what")}</CardTitle>
          <CardBody>{t("customers.portalAccess.whatBody")}</CardBody>
        </Card>
      </StackItem>
      <StackItem>
        <Card>
          <CardTitle>{t("customers.portalAccess.kept")}</CardTitle>
          <CardBody>{t("customers.portalAccess.keptBody")}</CardBody>
        </Card>
      </StackItem>
    </Stack>
  );
}
