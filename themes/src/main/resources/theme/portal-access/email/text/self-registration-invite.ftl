<#ftl output_format="plainText">
<#--
  "Grant portal access" invitation of email self-registration, plain-text part. Same attributes and
  message keys as html/self-registration-invite.ftl.
-->
<#import "../html/portal-duration.ftl" as duration>
<#assign portal = msg("portalName")>
${msg("selfRegistrationInviteHeading", portal)}

<#if firstName?? && lastName??>${msg("portalInviteGreeting", firstName, lastName)}<#else>${msg("portalInviteGreetingAnonymous")}</#if>

<#if companyName?? && companyName?has_content>${msg("selfRegistrationInviteByForCompany", invitedBy, portal, companyName)}<#else>${msg("selfRegistrationInviteBy", invitedBy, portal)}</#if>

${msg("selfRegistrationInviteAbout")}

${msg("selfRegistrationInviteWhatToDo", portal, email)}

${msg("selfRegistrationInviteAction")}:
${link}

${msg("selfRegistrationInviteExpiry", duration.humanDuration(linkExpiration), invitedBy)}

${msg("selfRegistrationInviteIgnore")}

--
${msg("portalEmailFooter", portal)}
