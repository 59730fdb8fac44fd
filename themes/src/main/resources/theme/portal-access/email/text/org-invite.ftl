<#ftl output_format="plainText">
<#--
  Organization (customer) invitation, plain-text part. Same attributes and message keys as
  html/org-invite.ftl.
-->
<#import "../html/portal-duration.ftl" as duration>
<#assign portal = msg("portalName")>
${msg("portalInviteHeading", organization.name, portal)}

<#if firstName?? && lastName??>${msg("portalInviteGreeting", firstName, lastName)}<#else>${msg("portalInviteGreetingAnonymous")}</#if>

<#if inviterName?? && inviterName?has_content>${msg("portalInviteByInviter", inviterName, organization.name, portal)}<#else>${msg("portalInviteByPortal", organization.name, portal)}</#if>

${msg("portalInviteAbout")}

<#if inviteeHasAccount?? && inviteeHasAccount>${msg("portalInviteExistingAccount")}<#else>${msg("portalInviteNewAccount")}</#if>

${msg("portalInviteAction")}:
${link}

${msg("portalInviteExpiry", duration.humanDuration(linkExpiration))}

${msg("portalInviteIgnore")}

--
${msg("portalEmailFooter", portal)}
