<#ftl output_format="plainText">
<#-- Fallback of the "grant portal access" invitation, plain text; see html/self-registration-invite.ftl. -->
<#if firstName?? && lastName??>${msg("selfRegistrationInviteGreeting", firstName, lastName)}<#else>${msg("selfRegistrationInviteGreetingAnonymous")}</#if>

<#if companyName?? && companyName?has_content>${msg("selfRegistrationInviteByForCompany", invitedBy, invitedBy, companyName)}<#else>${msg("selfRegistrationInviteBy", invitedBy, invitedBy)}</#if>

${msg("selfRegistrationInviteWhatToDo", invitedBy, email)}

${msg("selfRegistrationInviteAction")}:
${link}

${msg("selfRegistrationInviteExpiry", linkExpirationFormatter(linkExpiration), invitedBy)}

${msg("selfRegistrationInviteIgnore")}
