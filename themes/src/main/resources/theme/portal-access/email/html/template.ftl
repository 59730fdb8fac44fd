<#--
  Layout of every HTML email of the portal email themes: the portal's name in a header band in its
  brand colours, the message, and a footer. Brand values come from the theme's properties
  (portalBrand...), texts from message keys (portalName, portalEmailFooter).
-->
<#macro emailLayout>
<#assign brand = properties.portalBrandColor!"#1f2937">
<#assign ink = properties.portalBrandInk!"#111827">
<#assign headerBg = properties.portalBrandHeaderBg!brand>
<#assign headerText = properties.portalBrandHeaderText!"#ffffff">
<#assign canvas = properties.portalBrandCanvas!"#f3f4f6">
<#assign font = properties.portalBrandFont!"Arial, sans-serif">
<#assign radius = properties.portalBrandRadius!"6px">
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body style="margin:0;padding:0;background-color:${canvas};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${canvas};padding:24px 12px;">
  <tr>
    <td align="center">
      <table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background-color:#ffffff;border-radius:${radius};overflow:hidden;font-family:${font};">
        <tr>
          <td class="portal-email-header" style="background-color:${headerBg};border-bottom:4px solid ${brand};padding:20px 32px;color:${headerText};font-size:20px;font-weight:bold;letter-spacing:0.5px;">${msg("portalName")}</td>
        </tr>
        <tr>
          <td style="padding:32px;color:${ink};font-size:15px;line-height:1.6;">
            <#nested>
          </td>
        </tr>
        <tr>
          <td style="padding:16px 32px 24px;border-top:1px solid #e5e7eb;color:#6b7280;font-size:12px;line-height:1.5;">${msg("portalEmailFooter", msg("portalName"))}</td>
        </tr>
      </table>
    </td>
  </tr>
</table>
</body>
</html>
</#macro>
