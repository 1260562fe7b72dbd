import { t, type Scenario } from './scenario';

// English scenarios: the same hotline for international customers, plus a software vendor's
// product support (a cloud CRM, a point-of-sale system, a mobile app) and billing questions.

export const ENGLISH_SCENARIOS: readonly Scenario[] = [
  {
    key: 'en-vpn-809', language: 'en', category: 'technical', product: 'SecureConnect VPN Gateway 3000',
    tickets: [
      t('VPN error 809', 'Since this morning our VPN does not connect any more, the client says error 809.', 'VPN client 5.1 has a known bug with IKEv2; updated the client to 5.2.'),
      t('Cannot connect to VPN from hotel', 'Travelling this week and the VPN client fails with 809 on hotel wifi.', 'Updated the VPN client to version 5.2, which falls back to SSL when IKEv2 is blocked.'),
    ],
    queries: [{ q: 'vpn wont connect error 809', kind: 'paraphrase' }, { q: 'vpn eror 809', kind: 'typo' }],
  },
  {
    key: 'en-outlook-password', language: 'en', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Outlook keeps asking for password', 'Outlook prompts for my password every few minutes even though I type it correctly.', 'Removed the stale Office credentials from Windows Credential Manager and signed in again with modern authentication.'),
      t('Password prompt in Outlook loop', 'The credentials window in Outlook pops up again and again.', 'Cleared cached credentials in Credential Manager and reset the Outlook profile.'),
    ],
    queries: [{ q: 'outlook password prompt loop', kind: 'paraphrase' }, { q: 'outlook keeps asking credentials', kind: 'synonym' }],
  },
  {
    key: 'en-account-locked', language: 'en', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Account locked out', 'I typed my password wrong a few times and now my account is locked.', 'Unlocked the account in Entra ID after a callback to verify the user and reset the password.'),
      t('Locked out of Microsoft 365', 'Sign-in says your account has been locked, contact your administrator.', 'Cleared the smart lockout and issued a temporary password.'),
    ],
    queries: [{ q: 'user locked out after wrong password', kind: 'paraphrase' }, { q: 'acount lockout', kind: 'typo' }],
  },
  {
    key: 'en-mfa-phone', language: 'en', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Lost phone, cannot approve sign-in', 'My phone was stolen and I cannot approve the MFA request to log in.', 'Revoked the old MFA methods and issued a Temporary Access Pass; user registered the authenticator on the new phone.'),
      t('New phone, authenticator empty', 'Got a new phone and the Authenticator app has no accounts.', 'Reset MFA registration so the user could set up the app again at next sign-in.'),
    ],
    queries: [{ q: 'authenticator new mobile', kind: 'synonym' }, { q: 'mfa lost phone', kind: 'paraphrase' }],
  },
  {
    key: 'en-printer-offline', language: 'en', category: 'technical', product: 'HP LaserJet Pro M404',
    tickets: [
      t('Printer shows offline', 'The printer on the third floor shows offline on every PC.', 'The printer had received a new DHCP address; reserved its IP and updated the port on the print server.'),
      t('Cannot print, printer offline', 'Windows says the printer is offline although it is switched on.', 'Set a static IP reservation for the printer and corrected the TCP/IP port.'),
    ],
    queries: [{ q: 'printer offline windows', kind: 'paraphrase' }, { q: 'pritner offline', kind: 'typo' }],
  },
  {
    key: 'en-printer-jam', language: 'en', category: 'technical', product: 'HP LaserJet Pro M404',
    tickets: [
      t('Paper jam error but no paper stuck', 'The printer reports a paper jam in tray 2 but there is no paper inside.', 'A torn scrap was stuck behind the fuser; removed it and cleaned the pickup roller.'),
      t('Constant jam message', 'Every print job stops with jam in tray 2.', 'Replaced the worn tray 2 pickup roller.'),
    ],
    queries: [{ q: 'paper jam message but nothing stuck', kind: 'paraphrase' }, { q: 'printer jammed tray 2', kind: 'paraphrase' }],
  },
  {
    key: 'en-wifi-drops', language: 'en', category: 'technical', product: 'UniFi Access Point U6',
    tickets: [
      t('Wifi keeps dropping in meeting room', 'Laptops lose the wireless connection every few minutes in the big meeting room.', 'Two access points used the same channel; enabled automatic channel planning and lowered transmit power.'),
      t('Wireless disconnects', 'Our wifi drops during video calls in the conference room.', 'Fixed co-channel interference by assigning different channels to the neighbouring access points.'),
    ],
    queries: [{ q: 'wlan disconnects conference room', kind: 'synonym' }, { q: 'wifi dropping video calls', kind: 'paraphrase' }],
  },
  {
    key: 'en-slow-internet', language: 'en', category: 'technical', product: null,
    tickets: [
      t('Internet very slow', 'Everything online is extremely slow since Monday, web pages take ages.', 'A backup job was uploading to the cloud during business hours; moved it to the night and added a bandwidth limit.'),
      t('Slow connection in office', 'The internet in the office crawls, downloads are at 1 Mbit/s.', 'Offsite backup saturated the uplink; applied QoS and rescheduled the backup.'),
    ],
    queries: [{ q: 'internet slow office', kind: 'paraphrase' }, { q: 'bandwidth saturated backup upload', kind: 'paraphrase' }],
  },
  {
    key: 'en-shared-drive', language: 'en', category: 'technical', product: 'HPE ProLiant DL380 Gen11',
    tickets: [
      t('Shared drive missing', 'My S: drive disappeared after the weekend.', 'The file server had not rebooted after patching; restarted it and the mapped drive reconnected.'),
      t('Network path not found', 'Opening the team share gives network path not found.', 'Restarted the Server service on the file server, shares are reachable again.'),
    ],
    queries: [{ q: 'mapped network drive gone', kind: 'paraphrase' }, { q: 'share not reachable', kind: 'paraphrase' }],
  },
  {
    key: 'en-laptop-slow', language: 'en', category: 'technical', product: 'Dell Latitude 5440',
    tickets: [
      t('Laptop very slow after update', 'My Dell laptop takes ten minutes to start since the last update.', 'The disk was full with old update files; ran disk cleanup and removed 40 GB, boot time back to normal.'),
      t('Computer extremely sluggish', 'My notebook is so slow that I cannot work.', 'Disk at 99 %; cleaned temporary files and moved the Downloads folder to OneDrive.'),
    ],
    queries: [{ q: 'notebook slow disk full', kind: 'synonym' }, { q: 'laptop takes forever to boot', kind: 'paraphrase' }],
  },
  {
    key: 'en-bitlocker', language: 'en', category: 'technical', product: 'Dell Latitude 5440',
    tickets: [
      t('BitLocker recovery key requested', 'My laptop asks for a BitLocker recovery key at startup.', 'Read the recovery key from Entra ID and gave it to the user after identity check; suspended and resumed BitLocker after the BIOS update.'),
      t('Blue screen asking for recovery key', 'After a BIOS update the PC shows a blue screen wanting a 48-digit key.', 'Provided the recovery key from the device record; BIOS update had changed the TPM measurements.'),
    ],
    queries: [{ q: 'bitlocker recovery key', kind: 'paraphrase' }, { q: 'asks for 48 digit key after bios update', kind: 'paraphrase' }],
  },
  {
    key: 'en-teams-mic', language: 'en', category: 'technical', product: 'Microsoft Teams',
    tickets: [
      t('Nobody can hear me in Teams', 'In Teams meetings others cannot hear me, my microphone seems dead.', 'Teams used the laptop microphone instead of the headset; selected the headset in device settings.'),
      t('Teams microphone not working', 'My mic works in Zoom but not in Teams.', 'Windows microphone privacy setting blocked Teams; allowed desktop apps to access the microphone.'),
    ],
    queries: [{ q: 'teams mic not working', kind: 'paraphrase' }, { q: 'colleagues cant hear me teams', kind: 'paraphrase' }],
  },
  {
    key: 'en-teams-screen', language: 'en', category: 'technical', product: 'Microsoft Teams',
    tickets: [
      t('Cannot share screen in Teams', 'The share button in Teams is greyed out.', 'The meeting policy allowed only presenters to share; changed the user to presenter and updated the policy.'),
      t('Screen sharing black', 'When I share my screen others see a black window.', 'Disabled hardware acceleration in Teams and updated the graphics driver.'),
    ],
    queries: [{ q: 'teams share screen greyed out', kind: 'paraphrase' }, { q: 'screensharing black teams', kind: 'compound' }],
  },
  {
    key: 'en-mailbox-full', language: 'en', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Mailbox full', 'Outlook says my mailbox is full and I cannot send.', 'Enabled the online archive and applied a two-year archive policy.'),
      t('Cannot receive email, quota exceeded', 'Senders get a bounce saying my mailbox quota is exceeded.', 'Emptied deleted items and turned on auto-expanding archiving.'),
    ],
    queries: [{ q: 'mailbox quota exceeded', kind: 'paraphrase' }, { q: 'inbox full cannot send', kind: 'synonym' }],
  },
  {
    key: 'en-email-bounce', language: 'en', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Emails to customer bounce', 'Mails to one customer come back with 550 5.7.1 rejected.', 'Our SPF record lacked the new mail relay; added it and the customer accepted the mails.'),
      t('Undeliverable messages SPF', 'Some recipients reject our emails as spoofed.', 'Fixed the SPF record and enabled DKIM signing for our domain.'),
    ],
    queries: [{ q: 'mail rejected 550 5.7.1', kind: 'paraphrase' }, { q: 'emails bouncing spf', kind: 'synonym' }],
  },
  {
    key: 'en-phishing', language: 'en', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Clicked a phishing link', 'I clicked on a link in a fake invoice mail and entered my password.', 'Reset the password, revoked all sessions, checked sign-in logs and inbox rules; no further access found.'),
      t('Suspicious email, entered credentials', 'I think I typed my login on a fake Microsoft page.', 'Forced password change and sign-out of all sessions; removed a malicious inbox forwarding rule.'),
    ],
    queries: [{ q: 'entered password on phishing site', kind: 'paraphrase' }, { q: 'phising mail clicked', kind: 'typo' }],
  },
  {
    key: 'en-onedrive', language: 'en', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('OneDrive not syncing', 'OneDrive shows a red cross and files do not sync.', 'Some files had paths over 400 characters; shortened the folder names and reset OneDrive.'),
      t('Files stuck uploading to OneDrive', 'My files have been "processing changes" for days.', 'Reset the OneDrive client and signed in again.'),
    ],
    queries: [{ q: 'onedrive sync stuck', kind: 'paraphrase' }, { q: 'onedrive processing changes forever', kind: 'paraphrase' }],
  },
  {
    key: 'en-sharepoint-access', language: 'en', category: 'technical', product: 'Microsoft 365',
    tickets: [
      t('Access denied to SharePoint site', 'I get access denied when opening the projects SharePoint site.', 'Added the user to the site members group.'),
      t('Need permission for team site', 'Please give me edit rights on the marketing site.', 'Granted edit permission through the Marketing Members group.'),
    ],
    queries: [{ q: 'sharepoint permission denied', kind: 'synonym' }, { q: 'no access team site', kind: 'paraphrase' }],
  },
  {
    key: 'en-windows-update', language: 'en', category: 'technical', product: null,
    tickets: [
      t('Windows update fails 0x80070002', 'Updates keep failing with error 0x80070002.', 'Reset the Windows Update components, ran DISM and SFC; updates installed.'),
      t('Stuck on working on updates', 'The PC has shown working on updates 35% for two hours.', 'Cleared the SoftwareDistribution folder and restarted the update service.'),
    ],
    queries: [{ q: 'windows update error 0x80070002', kind: 'paraphrase' }, { q: 'updates stuck 35 percent', kind: 'paraphrase' }],
  },
  {
    key: 'en-blue-screen', language: 'en', category: 'technical', product: 'Dell Latitude 5440',
    tickets: [
      t('Blue screen when docking', 'My laptop crashes with a blue screen every time I connect it to the dock.', 'Updated the dock firmware and the Intel graphics driver; no more crashes.'),
      t('BSOD with docking station', 'DRIVER_IRQL_NOT_LESS_OR_EQUAL each time I plug into the docking station.', 'Installed the latest Realtek USB Ethernet driver for the dock.'),
    ],
    queries: [{ q: 'bsod docking station', kind: 'paraphrase' }, { q: 'laptop crashes when plugged into dock', kind: 'synonym' }],
  },
  {
    key: 'en-external-monitor', language: 'en', category: 'technical', product: 'Dell Latitude 5440',
    tickets: [
      t('External monitor not detected', 'My second screen stays black when connected via USB-C.', 'The cable did not support DisplayPort alt mode; replaced it with a certified cable.'),
      t('No signal on monitor', 'Monitor says no signal after moving desks.', 'Monitor was set to the HDMI input; switched to DisplayPort.'),
    ],
    queries: [{ q: 'second display no signal', kind: 'synonym' }, { q: 'usb-c monitor black', kind: 'paraphrase' }],
  },
  {
    key: 'en-rdp', language: 'en', category: 'technical', product: null,
    tickets: [
      t('Remote desktop connection refused', 'I cannot connect to the terminal server, connection refused.', 'User had been removed from Remote Desktop Users after a department change; added back.'),
      t('RDP access denied', 'Remote desktop says access is denied.', 'Granted the RDS access group membership.'),
    ],
    queries: [{ q: 'remote desktop access denied', kind: 'paraphrase' }, { q: 'cant rdp terminal server', kind: 'paraphrase' }],
  },
  {
    key: 'en-certificate', language: 'en', category: 'technical', product: null,
    tickets: [
      t('Website certificate expired', 'Customers see "your connection is not private" on our portal.', 'The TLS certificate had expired; issued a new one and enabled automatic renewal.'),
      t('NET::ERR_CERT_DATE_INVALID', 'Chrome shows NET::ERR_CERT_DATE_INVALID for the intranet.', 'Renewed the server certificate on the reverse proxy.'),
    ],
    queries: [{ q: 'ssl cert expired', kind: 'synonym' }, { q: 'connection not private warning portal', kind: 'paraphrase' }],
  },
  {
    key: 'en-backup-failed', language: 'en', category: 'technical', product: 'Veeam Backup & Replication',
    tickets: [
      t('Backup job failed', 'Last night\'s backup failed with an error.', 'The backup repository was full; removed old restore points and set retention to 14 days.'),
      t('Veeam error not enough space', 'Veeam reports insufficient free space on the target.', 'Extended the repository volume by 4 TB.'),
    ],
    queries: [{ q: 'backup failed disk space', kind: 'synonym' }, { q: 'veeam job error', kind: 'paraphrase' }],
  },
  {
    key: 'en-restore', language: 'en', category: 'technical', product: 'Veeam Backup & Replication',
    tickets: [
      t('Restore deleted file', 'I accidentally deleted a spreadsheet on the shared drive.', 'Restored the file from last night\'s backup to its original folder.'),
      t('Recover overwritten document', 'I saved over an important Word document, can we get yesterday\'s version?', 'Restored the previous version from the backup of 10 pm.'),
    ],
    queries: [{ q: 'recover deleted file from backup', kind: 'paraphrase' }, { q: 'restor old version document', kind: 'typo' }],
  },
  {
    key: 'en-crm-sync', language: 'en', category: 'technical', product: 'CloudCRM',
    tickets: [
      t('Contacts not syncing to Outlook', 'CloudCRM contacts no longer appear in Outlook.', 'The Outlook sync token had expired after the password change; reconnected the mailbox in CloudCRM settings.'),
      t('CRM Outlook integration stopped', 'New contacts from the CRM are missing in Outlook since last week.', 'Re-authorised the Microsoft 365 connection in CloudCRM integrations.'),
    ],
    queries: [{ q: 'crm contacts missing outlook', kind: 'paraphrase' }, { q: 'cloudcrm synchronisation outlook', kind: 'paraphrase' }],
  },
  {
    key: 'en-crm-import', language: 'en', category: 'technical', product: 'CloudCRM',
    tickets: [
      t('CSV import fails', 'Importing our lead list into CloudCRM fails with invalid date format.', 'The CSV used DD.MM.YYYY; selected the German date format in the import wizard.'),
      t('Import error dates', 'The import wizard rejects every row because of the date column.', 'Set the date format option to day-month-year and re-ran the import.'),
    ],
    queries: [{ q: 'crm csv import date format error', kind: 'paraphrase' }, { q: 'lead import rejected', kind: 'paraphrase' }],
  },
  {
    key: 'en-crm-slow', language: 'en', category: 'technical', product: 'CloudCRM',
    tickets: [
      t('CloudCRM dashboard loads slowly', 'The sales dashboard takes a minute to load.', 'A report widget queried all opportunities since 2015; limited it to the current year.'),
      t('CRM very slow opening reports', 'Reports in the CRM time out.', 'Added a date filter to the pipeline report and archived closed deals.'),
    ],
    queries: [{ q: 'crm dashboard slow', kind: 'paraphrase' }, { q: 'crm reports timing out', kind: 'paraphrase' }],
  },
  {
    key: 'en-pos-card', language: 'en', category: 'technical', product: 'RetailPOS Terminal',
    tickets: [
      t('Card payments declined at till', 'All card payments are declined at the till since opening.', 'The payment terminal had lost its connection to the acquirer after a router change; re-entered the terminal ID and opened port 443.'),
      t('Payment terminal not connecting', 'The card reader shows connection error on every payment.', 'Firewall blocked the terminal; allowed outbound traffic to the payment host.'),
    ],
    queries: [{ q: 'card reader connection error', kind: 'paraphrase' }, { q: 'card payment declined pos', kind: 'paraphrase' }],
  },
  {
    key: 'en-pos-receipt', language: 'en', category: 'technical', product: 'RetailPOS Terminal',
    tickets: [
      t('Receipt printer not printing', 'The till completes the sale but no receipt comes out.', 'The receipt printer was set to the wrong COM port after a Windows update; reassigned it in the POS settings.'),
      t('No receipts', 'Customers are not getting receipts from the till.', 'Reinstalled the Epson receipt printer driver and selected it in RetailPOS.'),
    ],
    queries: [{ q: 'till receipt printer', kind: 'paraphrase' }, { q: 'reciept not printing', kind: 'typo' }],
  },
  {
    key: 'en-pos-eod', language: 'en', category: 'technical', product: 'RetailPOS Terminal',
    tickets: [
      t('End of day report missing', 'The end of day report has not been sent to head office for two days.', 'The POS had queued the reports while offline; restarted the sync service and the reports were sent.'),
      t('Daily closing not transmitted', 'Head office does not receive our daily closing.', 'Cleared the stuck sync queue on the till.'),
    ],
    queries: [{ q: 'end of day report not sent', kind: 'paraphrase' }, { q: 'daily closing sync', kind: 'paraphrase' }],
  },
  {
    key: 'en-app-login', language: 'en', category: 'technical', product: 'FieldApp Mobile',
    tickets: [
      t('Cannot log in to mobile app', 'Technicians cannot sign in to FieldApp, it says invalid token.', 'The device clocks were wrong; enabled automatic time, which fixed the token validation.'),
      t('FieldApp invalid token', 'FieldApp shows invalid token after the weekend.', 'Phone date was set manually; set it to network time.'),
    ],
    queries: [{ q: 'app login invalid token', kind: 'paraphrase' }, { q: 'fieldapp cant sign in', kind: 'synonym' }],
  },
  {
    key: 'en-app-photos', language: 'en', category: 'technical', product: 'FieldApp Mobile',
    tickets: [
      t('Photos not uploading from app', 'Photos taken in FieldApp stay pending and never upload.', 'Background data was restricted for the app; allowed background data and unrestricted battery use.'),
      t('Job photos stuck', 'Pictures of completed jobs do not reach the office.', 'Battery saver stopped uploads; excluded FieldApp from battery optimisation.'),
    ],
    queries: [{ q: 'photos stuck pending upload', kind: 'paraphrase' }, { q: 'app pictures not syncing', kind: 'synonym' }],
  },
  {
    key: 'en-invoice-dispute', language: 'en', category: 'billing', product: null,
    tickets: [
      t('Charged twice on invoice', 'Our November invoice lists the maintenance fee twice.', 'Cancelled the duplicate line and issued a credit note.'),
      t('Wrong amount invoiced', 'You billed an onsite visit but the work was done remotely.', 'Corrected the line to remote support and sent a corrected invoice.'),
    ],
    queries: [{ q: 'invoice duplicate charge credit note', kind: 'paraphrase' }, { q: 'billed wrong amount', kind: 'paraphrase' }],
  },
  {
    key: 'en-invoice-copy', language: 'en', category: 'billing', product: null,
    tickets: [
      t('Need a copy of invoice', 'Accounts payable cannot find invoice 2026-1043, please resend.', 'Resent the invoice as PDF and added the accounts payable address as invoice recipient.'),
      t('Invoice not received', 'We did not receive an invoice for October.', 'The invoice went to an old address; updated the billing contact and resent it.'),
    ],
    queries: [{ q: 'resend invoice pdf', kind: 'paraphrase' }, { q: 'change billing email address', kind: 'paraphrase' }],
  },
  {
    key: 'en-payment-method', language: 'en', category: 'billing', product: null,
    tickets: [
      t('Change payment to direct debit', 'We want to pay by direct debit from now on.', 'Sent the SEPA mandate form; direct debit active from the next invoice.'),
      t('Update bank details', 'Our bank account changed, please update it for direct debit.', 'Received the new SEPA mandate and updated the bank details.'),
    ],
    queries: [{ q: 'sepa direct debit mandate', kind: 'paraphrase' }, { q: 'new bank account billing', kind: 'paraphrase' }],
  },
  {
    key: 'en-hours-remaining', language: 'en', category: 'billing', product: null,
    tickets: [
      t('How many support hours left', 'How many hours are left in our prepaid support block?', 'Sent the current balance (6 of 20 hours left) and the usage report.'),
      t('Usage report for contract', 'Please send a list of all support hours used this quarter.', 'Sent the quarterly service report with all work entries.'),
    ],
    queries: [{ q: 'remaining prepaid hours', kind: 'paraphrase' }, { q: 'support hours used report', kind: 'paraphrase' }],
  },
  {
    key: 'en-quote-laptops', language: 'en', category: 'sales', product: 'Dell Latitude 5440',
    tickets: [
      t('Quote for new laptops', 'Please send a quote for ten laptops with docking stations.', 'Sent a quote for 10 Dell Latitude 5440 with docks, setup and 3-year onsite warranty.'),
      t('Price for notebooks', 'What would new notebooks for our sales team cost?', 'Sent price list and quote including the setup fee.'),
    ],
    queries: [{ q: 'quote notebook purchase', kind: 'synonym' }, { q: 'laptop pricing', kind: 'paraphrase' }],
  },
  {
    key: 'en-crm-seats', language: 'en', category: 'sales', product: 'CloudCRM',
    tickets: [
      t('Add CloudCRM users', 'We need three more CloudCRM seats for new sales reps.', 'Added three seats to the subscription, prorated on the next invoice.'),
      t('More licenses for CRM', 'How do we get more user licences for the CRM?', 'Increased the seat count in the subscription; the admin can now invite users.'),
    ],
    queries: [{ q: 'buy additional crm licences', kind: 'synonym' }, { q: 'add seats subscription', kind: 'paraphrase' }],
  },
  {
    key: 'en-cancel', language: 'en', category: 'sales', product: 'CloudCRM',
    tickets: [
      t('Cancel subscription', 'We would like to cancel our CloudCRM subscription at the end of the term.', 'Confirmed cancellation effective at term end and explained the data export.'),
      t('Terminate contract', 'Please terminate our contract, we are moving to another system.', 'Termination confirmed for the end of the contract period; export instructions sent.'),
    ],
    queries: [{ q: 'cancel crm contract export data', kind: 'paraphrase' }, { q: 'terminate subscribtion', kind: 'typo' }],
  },
  {
    key: 'en-onboarding', language: 'en', category: 'hr', product: null,
    tickets: [
      t('New starter on Monday', 'A new colleague starts Monday and needs an account, mailbox and laptop.', 'Created the account, mailbox and licence from the onboarding checklist and prepared the laptop.'),
      t('Set up accounts for new hire', 'Please set up everything for our new hire in accounting.', 'Account and ERP role created, laptop imaged and handed over on day one.'),
    ],
    queries: [{ q: 'new employee account setup', kind: 'paraphrase' }, { q: 'onbaording new hire', kind: 'typo' }],
  },
  {
    key: 'en-offboarding', language: 'en', category: 'hr', product: null,
    tickets: [
      t('Employee leaving, disable access', 'John leaves on Friday, please disable his access and forward his mail.', 'Disabled the account at end of day Friday, converted the mailbox to shared and gave his manager access.'),
      t('Leaver process', 'Please remove all access for a colleague who left.', 'Blocked sign-in, removed licences and transferred files to the manager.'),
    ],
    queries: [{ q: 'leaver disable account forward email', kind: 'paraphrase' }, { q: 'employee left remove access', kind: 'paraphrase' }],
  },
  {
    key: 'en-headset-crackle', language: 'en', category: 'technical', product: 'Jabra Evolve2 65',
    tickets: [
      t('Headset crackles', 'My Jabra headset crackles during calls.', 'Updated the headset firmware through Jabra Direct and replaced the USB dongle.'),
      t('Static noise in headset', 'There is static noise in my headset in every call.', 'Firmware update and re-pairing with the dongle fixed the noise.'),
    ],
    queries: [{ q: 'jabra headset noise', kind: 'paraphrase' }, { q: 'headset crackling calls', kind: 'paraphrase' }],
  },
  {
    key: 'en-phone-forward', language: 'en', category: 'technical', product: 'Yealink T54W',
    tickets: [
      t('Set up call forwarding', 'How do I forward my desk phone to my mobile when I am out?', 'Explained call forward on the phone menu and set it up in the PBX user portal.'),
      t('Forward calls to mobile', 'Please forward the reception line to my cell phone after 5 pm.', 'Created a time-based forwarding rule in the PBX.'),
    ],
    queries: [{ q: 'forward desk phone to mobile', kind: 'paraphrase' }, { q: 'call fowarding after hours', kind: 'typo' }],
  },
  {
    key: 'en-voicemail', language: 'en', category: 'technical', product: 'Yealink T54W',
    tickets: [
      t('Voicemail not sent by email', 'Voicemails no longer arrive in my inbox.', 'The PBX SMTP password had expired; updated it and voicemail to email works.'),
      t('Voicemail to email broken', 'We stopped getting voicemail notifications by mail.', 'Corrected the PBX mail relay settings.'),
    ],
    queries: [{ q: 'voicemail email notification', kind: 'paraphrase' }, { q: 'voice mail not arriving inbox', kind: 'compound' }],
  },
  {
    key: 'en-ups', language: 'en', category: 'technical', product: 'APC Smart-UPS 1500',
    tickets: [
      t('UPS beeping', 'The UPS in the server room keeps beeping.', 'Battery self-test failed; replaced the battery cartridge.'),
      t('Replace battery alarm on UPS', 'The UPS display says replace battery.', 'Installed a new RBC7 battery and recalibrated runtime.'),
    ],
    queries: [{ q: 'ups replace battery', kind: 'paraphrase' }, { q: 'server room beeping', kind: 'paraphrase' }],
  },
  {
    key: 'en-website-down', language: 'en', category: 'technical', product: null,
    tickets: [
      t('Website down 503', 'Our company website shows 503 service unavailable.', 'PHP-FPM had crashed after running out of memory; restarted it and raised the memory limit.'),
      t('Site not loading', 'The website does not load and customers are calling.', 'Restarted the web server processes and enabled uptime monitoring.'),
    ],
    queries: [{ q: 'website 503 service unavailable', kind: 'paraphrase' }, { q: 'homepage down', kind: 'synonym' }],
  },
  {
    key: 'en-dns', language: 'en', category: 'technical', product: null,
    tickets: [
      t('New subdomain not resolving', 'shop.example.com does not resolve although we created it.', 'The record was added in the wrong DNS zone; created it at the authoritative provider.'),
      t('DNS record not working', 'Our new mail subdomain cannot be found.', 'Added the missing A record at the registrar and lowered the TTL.'),
    ],
    queries: [{ q: 'subdomain does not resolve dns', kind: 'paraphrase' }, { q: 'dns a record missing', kind: 'paraphrase' }],
  },
  {
    key: 'en-keyboard-layout', language: 'en', category: 'technical', product: null,
    tickets: [
      t('Keyboard types wrong characters', 'When I press @ I get a quote sign, and Y and Z are swapped.', 'The input language had switched to German; removed the extra layout and disabled the Alt+Shift hotkey.'),
      t('Keys mixed up', 'My keyboard suddenly types different symbols.', 'Reset the keyboard layout to English (UK).'),
    ],
    queries: [{ q: 'keyboard layout wrong symbols', kind: 'paraphrase' }, { q: 'keybord y z swapped', kind: 'typo' }],
  },
  {
    key: 'en-portal-access', language: 'en', category: 'other', product: null,
    tickets: [
      t('Access to support portal', 'How do I get an account for your ticket portal?', 'Created a portal login for the contact and sent the invitation link.'),
      t('Portal invitation expired', 'The link to set my portal password has expired.', 'Sent a new invitation; the link is valid for 7 days.'),
    ],
    queries: [{ q: 'customer portal login invitation', kind: 'paraphrase' }, { q: 'support portal account', kind: 'paraphrase' }],
  },
];
