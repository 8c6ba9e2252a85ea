/** Email bodies shaped as Outlook writes them, for the Outlook tests. */

/** Outlook on the web: the writer's words, then the signature, then the reply marker and the message replied to. */
export const OUTLOOK_WEB_HTML =
  '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head>' +
  '<body dir="ltr"><div class="elementToProof" style="font-family: Aptos, sans-serif;"><p>Dear Mrs Patel,</p><p>&nbsp;</p>' +
  '<p>The <b>EHCP</b> review is next week. SaLT will join us.</p><div><br></div><p>Kind regards,<br>Ms Jones</p></div>' +
  '<div id="Signature"><p>Ms Jones, SENCo, Oak Primary School. The LA and CAMHS can be reached via the office.</p></div>' +
  '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">' +
  '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif"><b>From:</b> Mrs Patel<br><b>Sent:</b> Monday<br></font></div>' +
  '<div><p>Is the OT coming to the TAC meeting?</p></div></body></html>';

/** Classic Outlook on Windows (Word's HTML): the reply header is a bordered div with "From:" and "Sent:" as text. */
export const OUTLOOK_REPLY_HTML =
  '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang="EN-GB">' +
  '<div class="WordSection1"><p class="MsoNormal">Thank you, I will bring the EHCP.<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>' +
  '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>From:</b> SENCo &lt;senco@example.sch.uk&gt;<br><b>Sent:</b> 02 March 2026 09:00<br><b>To:</b> Parent<br><b>Subject:</b> Review</p></div>' +
  '<p class="MsoNormal">Please bring the EHCP and the SaLT report.</p></div></body></html>';

/** A plain-text reply with Windows line ends. */
export const PLAIN_REPLY =
  'Thanks, the EHCP meeting is fine.\r\n\r\nAnna\r\n\r\n-----Original Message-----\r\nFrom: SENCo\r\nSent: Monday\r\n\r\nThe LA and SaLT will be there.\r\n';
