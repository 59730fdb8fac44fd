import {
  Dropdown,
  DropdownItem,
  DropdownList,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadMain,
  MenuToggle,
  Page,
  SkipToContent,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from "@patternfly/react-core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import { useTeam } from "./TeamContext";

const MAIN_ID = "pa-team-main";

/** The team page's frame in the portal's look: the login theme's logo (or the realm's name), the user's menu. */
export function TeamShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { config } = useTeam();
  const masthead = (
    <Masthead className="pa-team-masthead">
      <MastheadMain>
        <MastheadBrand component={(props) => <Link {...props} to="/" />} data-testid="team-brand">
          {config.theme?.logoUrl ? (
            <img className="pa-team-logo" src={config.theme.logoUrl} alt={config.displayName} />
          ) : (
            <span className="pa-masthead-brand">{config.displayName}</span>
          )}
          <span className="pa-team-product">{t("team.title")}</span>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarGroup align={{ default: "alignRight" }}>
              <ToolbarItem>
                <UserMenu />
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
  return (
    <Page
      header={masthead}
      mainContainerId={MAIN_ID}
      skipToContent={<SkipToContent href={`#${MAIN_ID}`}>{t("team.skipToContent")}</SkipToContent>}
    >
      {children}
    </Page>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { auth } = useTeam();
  const [open, setOpen] = useState(false);
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      popperProps={{ position: "right" }}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          variant="plainText"
          isExpanded={open}
          onClick={() => setOpen(!open)}
          aria-label={`${t("team.userMenu")}: ${auth.user.displayName}`}
          data-testid="user-menu"
        >
          {auth.user.displayName}
        </MenuToggle>
      )}
    >
      <DropdownList>
        <DropdownItem
          key="sign-out"
          onClick={() => void auth.signOut()}
          description={t("team.signedInAs", { user: auth.user.username })}
          data-testid="sign-out"
        >
          {t("team.signOut")}
        </DropdownItem>
      </DropdownList>
    </Dropdown>
  );
}
