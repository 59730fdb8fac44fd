<#-- Required action "portalaccess-tenant-invitation": a signed-in user accepts pending tenant invitations. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=messagesPerField?? && message?has_content; section>
    <#if section = "header">
        ${msg("portalAccessPartnerInvitationTitle")}
    <#elseif section = "form">
    <form id="portalaccess-tenant-invitation" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <p class="instruction">${msg("portalAccessPartnerInvitationIntro")}</p>
        <ul id="portalaccess-tenant-invitations">
        <#list tenantInvitations as invitation>
            <li>
                <label>
                    <input type="checkbox" name="invitationId" value="${invitation.id}" checked>
                    <span class="portalaccess-tenant-name">${invitation.tenantName}</span>
                </label>
            </li>
        </#list>
        </ul>
        <div class="${properties.kcFormGroupClass!}">
            <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonLargeClass!}"
                   type="submit" name="accept" id="kc-accept" value="${msg("portalAccessPartnerInvitationAccept")}"/>
            <input class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonLargeClass!}"
                   type="submit" name="decline" id="kc-decline" value="${msg("portalAccessPartnerInvitationLater")}"/>
        </div>
    </form>
    </#if>
</@layout.registrationLayout>
