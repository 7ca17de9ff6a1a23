import type { Catalogue } from './en.js';
import type { Translation } from './message.js';

/** Français (vouvoiement), avec les termes juridiques du RGPD. */
export const fr: Translation<Catalogue> = {
  lang: 'fr',
  skipToContent: 'Aller au contenu',
  openRoles: 'Postes ouverts',
  noJobsTitle: 'Aucun poste ouvert pour le moment',
  noJobsBody:
    '{company} n’a aucun poste ouvert pour le moment. Les nouveaux postes apparaissent ici dès leur ouverture.',
  aboutHeading: 'À propos de {company}',
  poweredBy: 'Recrutement avec Candor',
  privacyNotice: 'Politique de confidentialité',
  yourDataPortal: 'Vos données : les consulter, télécharger, rectifier ou effacer',
  footerNav: 'Pied de page',
  footerPrivacy:
    'Ces pages carrières ne déposent aucun cookie et n’utilisent aucun traceur : elles ne vous suivent pas.',
  footerPortalPrivacy:
    'Les pages carrières ne déposent aucun cookie et n’utilisent aucun traceur. Une fois connecté, ce portail de confidentialité dépose un seul cookie strictement nécessaire, {cookie}, qui vous maintient connecté : il dure {minutes} minutes, n’est envoyé qu’aux pages du portail ({path}) et est supprimé à la déconnexion.',
  pageTitle: 'Carrières chez {company}',
  privacyIntro:
    '{company} utilise Candor pour gérer les candidatures. Voici ce qu’il advient de vos données lorsque vous postulez, et pourquoi.',
  privacyTableCaption: 'Finalités du traitement',
  privacyPurpose: 'Finalité',
  privacyBasis: 'Base juridique',
  privacyData: 'Données utilisées',
  privacyChoice: 'Votre choix',
  privacyKept: 'Durée de conservation',
  privacyOptional: 'Uniquement avec votre consentement, que vous pouvez retirer à tout moment',
  privacyRequired: 'Nécessaire à l’examen de votre candidature',
  retentionBy: {
    application_decided:
      'Si vous n’êtes pas recruté : votre candidature est anonymisée {period} après la décision',
    candidate_inactive: 'Effacées après {period} sans activité, sauf si vous êtes dans le vivier de talents',
    talent_pool_consent: '{period} à compter de votre accord, puis effacées sauf renouvellement',
    candidate_hired: 'Si vous êtes recruté : effacées {period} après l’embauche, une fois transmises aux RH',
    request_completed:
      'Traces de vos demandes relatives à vos données : effacées {period} après leur traitement',
    email_sent: 'E-mails : notre copie est supprimée {period} après l’envoi',
    audit_event: 'Journaux d’audit : supprimés après {period}',
  },
  retentionRenewal: ' ; nous vous le demandons {days, plural, one {# jour} other {# jours}} avant l’échéance',
  retentionOverride: '{period} pour les postes situés dans le pays suivant : {country}',
  retentionUntilWithdrawn: 'Jusqu’au retrait de votre consentement',
  retentionUntilErased: 'Jusqu’à ce que vous en demandiez l’effacement',
  recipientsHeading: 'Qui reçoit vos données',
  recipientsLead:
    'Les recruteurs de {company} et l’équipe de recrutement du poste, ainsi que Candor, qui héberge les données en tant que sous-traitant de {company}.',
  recipientsOthers: 'En dehors d’eux :',
  recipientsNone: '{company} ne communique vos données à personne d’autre.',
  recipientsCaption: 'Destinataires extérieurs à l’entreprise',
  recipientName: 'Destinataire',
  recipientRole: 'Rôle',
  recipientPurpose: 'Pour quoi',
  recipientWhere: 'Où',
  recipientRoles: {
    processor: 'Sous-traitant : agit pour notre compte, selon nos instructions',
    controller: 'Responsable du traitement : décide lui-même de l’usage des données',
  },
  recipientInEea: '{country}, dans l’Espace économique européen',
  recipientTransfer: '{country}, hors de l’Espace économique européen. Garantie : {safeguard}',
  noTransfers:
    'Aucun d’eux n’est situé hors de l’Espace économique européen (EEE) : vos données ne sont pas transférées vers un pays tiers.',
  openRolesCount: '{count, plural, one {# poste ouvert} other {# postes ouverts}}',
  filterHeading: 'Filtrer les postes',
  filterDepartment: 'Service',
  filterLocation: 'Lieu',
  filterType: 'Type de contrat',
  filterAll: 'Tous',
  filteredTitle: 'Postes chez {company} : {value}',
  allRoles: 'Tous les postes ouverts',
  jobDetails: 'Détails du poste',
  department: 'Service',
  location: 'Lieu',
  employmentType: 'Type de contrat',
  salary: 'Salaire',
  posted: 'Publié le',
  workplaces: { onsite: 'Sur site', hybrid: 'Hybride', remote: 'Télétravail' },
  remoteFrom: 'Télétravail ({country})',
  employmentTypes: {
    full_time: 'Temps plein',
    part_time: 'Temps partiel',
    contract: 'Freelance',
    temporary: 'CDD',
    internship: 'Stage',
  },
  salaryRange: '{min} – {max}',
  salaryPeriods: { year: 'par an', month: 'par mois', hour: 'de l’heure' },
  aboutTheRole: 'À propos du poste',
  applyHeading: 'Postuler à ce poste',
  applySoon:
    'Les candidatures en ligne ouvrent bientôt. Le formulaire de candidature figurera sur cette page.',
  applyIntro:
    'Postulez en ligne en cinq minutes environ. Préparez votre CV au format PDF, Word ou OpenDocument.',
  applyNow: 'Postuler',
  closedBadge: 'Clôturé',
  closedTitle: 'Ce poste est pourvu ou clôturé',
  closedBody: '{company} n’accepte plus de candidatures pour ce poste.',
  seeOpenRoles: 'Voir les postes ouverts actuellement',
  notFoundTitle: 'Cette page n’est pas ici',
  notFoundBody:
    'L’adresse contient peut-être une faute de frappe, ou le poste vers lequel elle pointait est pourvu. Les postes que {company} propose en ce moment sont à un clic.',
  closedOn: 'Clôturé le',
  jobPageTitle: '{job} - {company}',
  logoAlt: '{company}',

  applyTitle: 'Postuler : {job}',
  applyPageTitle: 'Postuler : {job} - {company}',
  backToJob: 'Retour au poste',
  applyLead:
    '{company} lit chaque candidature. Seuls les champs marqués « obligatoire » doivent être remplis.',
  requiredMark: '(obligatoire)',
  sectionAboutYou: 'Vous',
  fieldName: 'Nom complet',
  fieldEmail: 'E-mail',
  fieldEmailHint: 'Nous envoyons la confirmation et votre reçu de consentement à cette adresse.',
  fieldPhone: 'Téléphone',
  fieldLocation: 'Lieu de résidence',
  fieldLocationHint: 'Ville et pays, par exemple « Lyon, France ».',
  fieldLinks: 'Liens de profil',
  fieldLinksHint: 'LinkedIn, GitHub, un portfolio ou votre propre site. Chaque lien commence par https://',
  fieldLink: 'Lien {n}',
  sectionDocuments: 'Votre CV et votre lettre de motivation',
  fieldResume: 'CV',
  fieldResumeHint: 'PDF, Word ou OpenDocument, 10 Mo maximum',
  fieldCoverLetter: 'Lettre de motivation',
  fieldCoverLetterHint: 'Pourquoi ce poste ? Laissez vide si votre CV dit tout.',
  sectionQuestions: 'Questions sur le poste',
  answerYes: 'Oui',
  answerNo: 'Non',
  chooseOne: 'Choisissez',
  fieldAnswer: 'Votre réponse à une question',
  fieldSalary: 'Prétentions salariales',
  fieldSalaryHint:
    'Par exemple « 45 000 € par an ». Nous ne demandons jamais ce que vous gagnez actuellement ni ce que vous avez gagné auparavant.',
  sectionPrivacy: 'Vos données et vos choix',
  privacyForApplying:
    '{company} utilise ce que vous envoyez pour évaluer votre candidature. Il s’agit de mesures précontractuelles prises à votre demande en vue d’un éventuel contrat de travail (art. 6, paragraphe 1, point b) du RGPD) : vous n’avez donc rien à accepter ici.',
  noticeShown: 'Politique de confidentialité, version {version}, en vigueur depuis le {date}.',
  readFullNotice: 'Lire la politique complète',
  consentLegend: 'Facultatif : pouvons-nous aussi…',
  consentHint:
    'Cochez uniquement ce que vous souhaitez. Votre candidature est examinée de la même façon dans tous les cas, et vous pouvez retirer votre consentement à tout moment dans le portail de confidentialité.',
  fieldConsent: 'Un choix de consentement',
  consentKept: 'Durée : {kept}. Vous pouvez retirer votre consentement à tout moment.',
  gpcNote: 'Votre navigateur envoie un signal Global Privacy Control : ceci est donc refusé pour vous.',
  ageConfirm: 'J’ai au moins {age} ans',
  fieldAge: 'Confirmation de l’âge',
  fieldNoticeVersion: 'Politique de confidentialité',
  submitApplication: 'Envoyer ma candidature',
  errorSummaryTitle: 'Il y a un problème',
  uploadLabel: 'Progression de l’envoi',
  uploadProgress: 'Envoi : {percent} %',
  sendFailed:
    'Nous n’avons pas pu envoyer votre candidature. Vérifiez votre connexion et réessayez : tout ce que vous avez saisi est conservé.',
  serverFailed:
    'Un problème est survenu de notre côté. Réessayez dans quelques minutes : tout ce que vous avez saisi est conservé.',

  receivedTitle: 'Candidature reçue',
  receivedPageTitle: 'Candidature reçue - {company}',
  receivedLead: 'Merci. {company} a bien reçu votre candidature au poste {job}.',
  receiptEmailed:
    'Nous avons envoyé une confirmation à {email}, avec votre référence et votre reçu de consentement signé.',
  nextTitle: 'La suite',
  nextSteps: [
    'L’équipe de recrutement lit votre candidature.',
    'Nous vous répondons par e-mail dans tous les cas, que votre candidature soit retenue ou non.',
    'Vous pouvez consulter, télécharger ou effacer vos données à tout moment dans le portail de confidentialité.',
  ],
  receiptTitle: 'Votre reçu de consentement',
  receiptId: 'Reçu',
  receiptIntro:
    'Une trace signée de ce que vous avez accepté en postulant : les finalités ci-dessous avec votre choix pour chacune, la version de la politique de confidentialité qui vous a été présentée, ainsi que la date et l’heure. {company} la signe afin qu’aucune des parties ne puisse la modifier ensuite.',
  receiptWhy:
    'Conservez ce reçu comme preuve de ce que vous avez accepté. Vous pouvez consulter vos consentements, et retirer chacun d’eux à tout moment, dans le {portal}.',
  receiptPortalLink: 'portail de confidentialité',
  receiptKeep:
    'Il est joint à l’e-mail de confirmation au format PDF : enregistrez-le avec vos documents ou imprimez-le.',
  receiptTechnical: 'Détails techniques',
  receiptToken:
    'L’e-mail contient aussi le reçu sous forme de jeton signé, le fichier .jwt : une JSON Web Signature (ES256) au format Consent Receipt de la Kantara Initiative. Son en-tête indique la clé qui l’a signé (kid).',
  receiptVerify:
    'Chacun peut vérifier son authenticité avec la clé publique de {company} disponible à l’adresse {jwks}, au moyen de n’importe quelle bibliothèque JWT.',
  receiptPurposes: 'Vos choix',
  receiptNeeded: 'Nécessaire pour postuler',
  receiptConsented: 'Accepté',
  receiptRefused: 'Refusé',
  receiptGpc: 'Le signal Global Privacy Control de votre navigateur a été respecté.',
  receiptDownload: 'Télécharger le reçu',
  noticeYouSaw: 'La politique de confidentialité qui vous a été présentée',
  privacyPortal: 'Portail de confidentialité',
  invalidTitle: 'Certaines réponses sont à revoir',
  invalidLead:
    'Votre candidature n’a pas encore été envoyée. Revenez au formulaire, corrigez les points suivants et renvoyez-le :',
  backToForm: 'Retour au formulaire',
  backToFormHint: 'Le bouton Retour de votre navigateur conserve généralement ce que vous avez saisi.',
  unavailableTitle: 'Nous n’avons pas pu enregistrer votre candidature',
  outcomePageTitle: '{title} - {company}',

  noticeMeta: 'Version {version} · en vigueur depuis le {date}',
  noticeVersionMeta: 'Version {version} · applicable à partir du {date}',
  noticeUpcoming: 'Une nouvelle version, la {version}, entre en vigueur le {date}.',
  noticeUpcomingChange: 'Ce qui change : {summary}',
  readVersion: 'Lire la version {version}',
  atAGlance: 'En bref',
  receiptsHeading: 'Reçus de consentement',
  receiptsBody:
    'Lorsque vous postulez, vous recevez un reçu de consentement : une trace des choix que vous avez faits (au format Consent Receipt de la Kantara Initiative), signée par {company}. Vous pouvez vérifier sa signature avec le jeu de clés publiques disponible à l’adresse {jwks}.',
  gpcHeading: 'Global Privacy Control',
  gpcBody:
    'Ce site respecte le signal Global Privacy Control : si votre navigateur l’envoie, les finalités facultatives relevant du marketing sont refusées pour vous.',
  archiveHeading: 'Toutes les versions',
  archiveVersion: 'Version',
  archiveEffective: 'En vigueur à partir du',
  archiveChanges: 'Modifications',
  versionLabel: 'Version {version}',
  versionCurrent: 'en vigueur',
  versionUpcoming: 'à venir',
  materialChange: 'Modification substantielle',
  minorChange: 'Reformulations et précisions uniquement',
  firstVersion: 'Première version',
  versionPageTitle: 'Politique de confidentialité, version {version}',
  versionIsCurrent: 'Cette version est celle en vigueur.',
  versionReplaced: 'La version {version} a remplacé cette version le {date}.',
  versionNotYet: 'Cette version entre en vigueur le {date}.',
  seeCurrentNotice: 'Voir la politique en vigueur',

  portalTitle: 'Vos données',
  portalPageTitle: 'Vos données - {company}',
  portalSignInLead:
    'Consultez ce que {company} détient à votre sujet, téléchargez-le, rectifiez-le, retirez un consentement ou demandez son effacement. Saisissez l’adresse e-mail avec laquelle vous avez postulé et nous vous envoyons un code à usage unique ; si {company} ne détient rien à cette adresse, le portail vous le dit.',
  portalEmailLabel: 'Adresse e-mail',
  portalSendCode: 'Recevoir un code',
  portalInvalidEmail: 'Saisissez une adresse e-mail valide, comme nom@example.com',
  portalCodeSentTitle: 'Consultez vos e-mails',
  portalCodeSentLead: 'Un code à 6 chiffres est en route vers {email}. Il est valable 15 minutes.',
  portalCodeSentHint:
    'Rien reçu après quelques minutes ? Vérifiez vos courriers indésirables ou demandez un nouveau code.',
  portalCodeLabel: 'Code reçu par e-mail',
  portalCodeHint: '6 chiffres',
  portalOpen: 'Ouvrir mes données',
  portalNewCode: 'Demander un nouveau code',
  portalCodeFormat: 'Saisissez les 6 chiffres de l’e-mail',
  portalWrongCode:
    '{left, plural, one {Ce code n’est pas correct. Il vous reste # essai.} other {Ce code n’est pas correct. Il vous reste # essais.}}',
  portalCodeDead:
    'Ce code ne fonctionne plus : il a expiré, a déjà été utilisé ou a été mal saisi trop souvent. Demandez un nouveau code.',
  renewalPageTitle: 'Rester dans le vivier de talents - {company}',
  renewalTitle: 'Rester dans le vivier de talents ?',
  renewalLead:
    'Vous avez accepté que {company} conserve votre profil et vous contacte pour de futurs postes. Cet accord prend fin le {until} ; si vous ne faites rien, votre profil sera alors effacé.',
  renewalPurpose: 'Ce que vous acceptez',
  renewalUntil:
    'Si vous renouvelez, il est valable jusqu’au {until}. Vous pouvez le retirer à tout moment dans votre portail de confidentialité.',
  renewalButton: 'Conserver mon profil',
  renewalDecline: 'Non merci : voir ou effacer mes données',
  renewedTitle: 'Votre profil reste dans le vivier de talents',
  renewedLead:
    'Merci. Votre accord est désormais valable jusqu’au {until} ; nous vous le redemanderons avant son échéance.',
  renewalReceipt: 'Votre reçu de consentement',
  renewalInvalidTitle: 'Ce lien ne fonctionne plus',
  renewalInvalidBody:
    'Le lien a expiré ou est incomplet. Votre portail de confidentialité montre ce que nous détenons à votre sujet et vous permet de donner ou de retirer votre consentement.',
  renewalOpenPortal: 'Ouvrir votre portail de confidentialité',
  surveyPageTitle: 'Enquête sur la diversité - {company}',
  surveyTitle: 'Enquête facultative sur la diversité',
  surveyLead:
    '{company} souhaite savoir si son recrutement s’adresse à tout le monde. Répondre est votre choix : passez n’importe quelle question ou choisissez « Je préfère ne pas répondre ». Votre candidature n’en est affectée en aucun cas.',
  surveyHow:
    'Vos réponses sont conservées séparément de votre candidature, et chiffrées. Personne dans l’entreprise ne peut les voir, pas même l’équipe de recrutement ; elles n’apparaissent que dans des rapports anonymes qui comptent les personnes par groupes d’au moins {k}, et dans la copie de vos données que vous pouvez télécharger depuis votre portail de confidentialité.',
  surveyConsentLegend: 'Votre accord',
  surveyConsent:
    'J’accepte que mes réponses, qui comprennent des catégories particulières de données à caractère personnel, soient utilisées pour des rapports anonymes sur la diversité. Je peux retirer ce consentement à tout moment dans mon portail de confidentialité ; mes réponses sont alors supprimées.',
  surveySubmit: 'Envoyer mes réponses',
  surveyEmailLine:
    'Vous pouvez aussi répondre à notre enquête facultative sur la diversité (votre candidature n’en est affectée en aucun cas) :',
  surveyErrorsTitle: 'Veuillez vérifier le formulaire',
  surveyThanksTitle: 'Merci',
  surveyThanksBody:
    'Vos réponses sont enregistrées séparément de votre candidature. Pour les consulter ou les supprimer, ou pour retirer votre accord, ouvrez votre portail de confidentialité.',
  surveyAlreadyTitle: 'Vous avez déjà répondu à l’enquête',
  surveyAlreadyBody:
    'Vos réponses sont enregistrées. Pour les consulter ou les supprimer, ou pour retirer votre accord, ouvrez votre portail de confidentialité.',
  surveyInvalidTitle: 'Ce lien ne fonctionne plus',
  surveyInvalidBody:
    'Le lien a expiré, est incomplet, ou l’enquête n’est plus ouverte. Votre portail de confidentialité montre ce que nous détenons à votre sujet.',
  portalRateLimitedTitle: 'Trop de tentatives',
  portalRateLimitedBody:
    'Trop de codes ou de tentatives depuis votre réseau ou pour cette adresse. Attendez 15 minutes, puis réessayez.',
  portalSignedOut: 'Vous êtes déconnecté.',
  portalSessionEnded:
    'Votre session a pris fin (elle dure 30 minutes). Reconnectez-vous avec un nouveau code.',
  portalWrongOrigin: 'Veuillez utiliser les formulaires de ce site.',
  portalSessionNote:
    'Le code prouve que la boîte e-mail vous appartient. Votre session dure 30 minutes ; rien n’est conservé dans votre navigateur après la déconnexion.',
  portalSignedInAs: 'Connecté en tant que {email}',
  portalSignOut: 'Se déconnecter',
  portalNoDataTitle: 'Nous ne détenons aucune donnée associée à cette adresse',
  portalNoDataBody:
    '{company} ne détient ni candidature, ni consentement, ni aucune autre donnée pour {email}. Si vous avez postulé avec une autre adresse, déconnectez-vous et connectez-vous avec celle-ci.',
  portalRestrictedNote:
    'Le traitement de vos données est limité depuis le {date} : {company} les conserve mais ne les utilise pas.',

  portalContactHeading: 'Vos coordonnées',
  portalContactLead: 'Rectifiez-les ici ; la modification prend effet immédiatement.',
  portalEmailChangeHint:
    'Une nouvelle adresse e-mail prend effet une fois que l’équipe l’a vérifiée avec vous.',
  portalSaveContact: 'Enregistrer mes coordonnées',

  portalApplicationsHeading: 'Vos candidatures',
  portalNoApplications: 'Aucune candidature.',
  portalRole: 'Poste',
  portalStatus: 'Statut',
  portalStage: 'Étape',
  portalAppliedOn: 'Date de candidature',
  portalApplicationStatuses: {
    active: 'En cours',
    rejected: 'Non retenue',
    withdrawn: 'Retirée',
    hired: 'Recruté',
  },
  portalStageKinds: {
    applied: 'Candidature reçue',
    screening: 'Présélection',
    interview: 'Entretiens',
    offer: 'Offre',
    hired: 'Recruté',
    rejected: 'Clôturée',
  },

  portalConsentsHeading: 'Vos consentements',
  portalConsentsLead:
    'Ce que vous avez accepté, et chaque décision depuis. Le retrait prend effet immédiatement et vous recevez un reçu signé.',
  portalNoConsents: 'Aucune décision de consentement.',
  portalDecisions: { given: 'Accepté', refused: 'Refusé', withdrawn: 'Retiré' },
  portalWithdraw: 'Retirer mon consentement',
  portalWithdrawLabel: 'Retirer mon consentement : {purpose}',
  portalLeaveTalentPool: 'Quitter le vivier de talents',
  portalHistoryCaption: 'Historique de vos décisions',
  portalDate: 'Date',
  portalPurpose: 'Finalité',
  portalDecision: 'Décision',
  portalNoticeVersion: 'Politique',
  portalReceipt: 'Reçu',
  portalDownloadReceipt: 'Télécharger',

  portalRecipientsHeading: 'Qui a reçu vos données',
  portalRecipientsLead:
    'Chaque fois que nous avons communiqué vos données à quelqu’un en dehors de notre équipe de recrutement, cela figure ici : qui, quoi et quand. Si vous faites rectifier, limiter ou effacer vos données, nous en informons chacun d’eux.',
  portalNoRecipients: 'Personne : nous n’avons communiqué vos données à personne.',
  portalRecipient: 'Destinataire',
  portalRecipientData: 'Quoi',
  portalRecipientWhy: 'Pourquoi',
  portalRecipientCountryNote: 'situé dans le pays suivant : {country}, protégé par {safeguard}',
  portalRequestsHeading: 'Vos demandes',
  portalNoRequests: 'Aucune demande pour l’instant.',
  portalRequest: 'Demande',
  portalReceived: 'Reçue le',
  portalDueOrDone: 'Échéance / traitée le',
  portalRequestTypes: {
    access: 'Copie de mes données',
    portability: 'Copie de mes données (format lisible par machine)',
    rectification: 'Rectification',
    erasure: 'Effacement',
    restriction: 'Limitation du traitement',
    objection: 'Opposition à la prospection',
    consent_withdrawal: 'Retrait du consentement',
    opt_out: 'Opposition à la vente ou au partage',
  },
  portalRequestStatuses: {
    received: 'Reçue',
    verified: 'Reçue',
    in_progress: 'En cours',
    completed: 'Traitée',
    refused: 'Refusée',
  },
  portalDueBy: 'échéance le {date}',
  portalDoneOn: 'traitée le {date}',

  portalRightsHeading: 'Vos droits',
  portalDownloadHeading: 'Télécharger vos données',
  portalDownloadBody:
    'Un fichier zip contenant tout ce que {company} détient à votre sujet : vos informations, candidatures, réponses, documents et l’historique de vos consentements, dans un format lisible par machine avec les fichiers d’origine.',
  portalDownload: 'Télécharger mes données',
  portalCorrectHeading: 'Rectifier d’autres données',
  portalCorrectBody:
    'Autre chose est inexact, par exemple une réponse ou un document ? Indiquez ce qui doit changer et l’équipe le rectifie.',
  portalCorrectLabel: 'Ce qui doit changer',
  portalCorrectMissing: 'Indiquez ce qui doit changer',
  portalCorrectTooLong: '5 000 caractères maximum',
  portalSendRequest: 'Envoyer la demande',
  portalMarketingHeading: 'Ne plus recevoir d’e-mails de prospection',
  portalMarketingBody:
    'Plus aucune actualité ni prospection de la part de {company}, immédiatement et définitivement. Les e-mails concernant vos candidatures vous parviennent toujours.',
  portalStopMarketing: 'Arrêter les e-mails de prospection',
  portalRestrictHeading: 'Limiter le traitement',
  portalRestrictBody:
    'Si vous contestez l’exactitude de vos données ou vous opposez à leur utilisation, {company} les conserve mais cesse de les utiliser : aucun changement d’étape, aucun e-mail, absentes des recherches, jusqu’à ce que la question soit réglée.',
  portalRestrict: 'Limiter le traitement',
  portalEraseHeading: 'Effacer vos données',
  portalEraseBody:
    'Demandez à {company} d’effacer tout ce qu’elle détient à votre sujet. Vos candidatures prennent fin. L’équipe procède à l’effacement dans le délai légal et ne conserve que la trace de cette demande, comme la loi l’exige.',
  portalEraseConfirm: 'Je comprends que mes candidatures prennent fin',
  portalEraseUnconfirmed: 'Cochez la case pour confirmer',
  portalErase: 'Effacer mes données',
  portalErasePending: 'Vous avez demandé l’effacement le {date}. Échéance : {due}.',

  portalDone: {
    contact_updated: 'Vos coordonnées sont mises à jour.',
    contact_unchanged: 'Rien n’a changé dans vos coordonnées.',
    email_change_requested: 'L’équipe vérifie votre nouvelle adresse e-mail et vous confirme le changement.',
    rectification_requested:
      'Votre demande est entre les mains de l’équipe. Suivez-la sous « Vos demandes ».',
    consent_withdrawn:
      'Votre consentement est retiré, avec effet immédiat. Votre reçu signé figure ci-dessous et vous est envoyé par e-mail.',
    nothing_to_withdraw: 'Il n’y avait aucun consentement à retirer.',
    marketing_stopped: 'Vous ne recevrez plus d’e-mails de prospection de {company}.',
    restricted: 'Le traitement de vos données est désormais limité.',
    erasure_requested:
      'Votre demande d’effacement est entre les mains de l’équipe. Suivez-la sous « Vos demandes ».',
    nothing_to_export: 'Il n’y a aucune donnée à télécharger.',
  },
  portalReceiptIntro: 'Reçu {id}, signé par {company} :',
  languageNav: 'Langue',
  languageLink: 'Cette page en {language}',

  formErrors: {
    'Enter your name': 'Saisissez votre nom',
    'Keep your name under 120 characters': 'Votre nom doit faire moins de 120 caractères',
    'Enter your email address': 'Saisissez votre adresse e-mail',
    'Enter a valid email address': 'Saisissez une adresse e-mail valide',
    'Enter a phone number like +49 30 1234567': 'Saisissez un numéro de téléphone comme +33 1 23 45 67 89',
    'Enter a web address starting with https://': 'Saisissez une adresse web commençant par https://',
    'Keep this under 60 characters': '60 caractères maximum',
    'Keep this under 120 characters': '120 caractères maximum',
    'Keep this under 300 characters': '300 caractères maximum',
    'Keep this under 5,000 characters': '5 000 caractères maximum',
    'Keep this under 10,000 characters': '10 000 caractères maximum',
    'Attach your resume': 'Joignez votre CV',
    'Rename the file to something shorter': 'Donnez au fichier un nom plus court',
    'The file is empty': 'Le fichier est vide',
    'The file is larger than 10 MB': 'Le fichier dépasse 10 Mo',
    'Attach a PDF, Word (.docx) or OpenDocument (.odt) file':
      'Joignez un fichier PDF, Word (.docx) ou OpenDocument (.odt)',
    'Confirm your age to apply': 'Confirmez votre âge pour postuler',
    'The page is out of date: reload it': 'La page n’est plus à jour : rechargez-la',
    'Answer this question': 'Répondez à cette question',
    'Choose yes or no': 'Choisissez oui ou non',
    'Choose one of the options': 'Choisissez l’une des options',
    'Not asked for this job': 'Non demandé pour ce poste',
  },

  emailPortalCodeSubject: 'Votre code pour le portail de confidentialité de {company}',
  emailPortalCodeBody:
    'Bonjour,\n\nQuelqu’un (nous espérons que c’est vous) a demandé à consulter les données que {company} détient sur cette adresse e-mail. Votre code est :\n\n    {code}\n\nIl est valable {minutes} minutes, une seule fois. Ne le communiquez à personne : quiconque le possède peut consulter vos données.\n\nSi vous ne l’avez pas demandé, ignorez cet e-mail : rien ne se passe sans le code.',
  emailAlreadyAppliedSubject: 'Votre candidature au poste {job} chez {company}',
  emailAlreadyAppliedBody:
    'Bonjour {name},\n\nUne candidature au poste {job} chez {company} a été envoyée avec cette adresse e-mail. Vous avez déjà postulé à ce poste le {date} ; rien n’a donc été modifié : {company} conserve votre candidature telle que vous l’avez envoyée la première fois, et le nouveau formulaire n’a pas été enregistré.\n\nSi ce n’était pas vous, ignorez cet e-mail.',
  emailFooter:
    '{company} utilise Candor pour gérer les candidatures. Pour consulter, télécharger, rectifier ou effacer vos données, ou pour retirer votre consentement : {link}',
  emailReference: 'Votre référence : {reference}',
  emailReceiptPlain:
    'Votre reçu de consentement est joint au format PDF. C’est une trace signée de ce que vous avez accepté en postulant : chaque finalité avec votre choix, la version de la politique de confidentialité qui vous a été présentée, ainsi que la date et l’heure. Conservez-le comme preuve de ce que vous avez accepté : enregistrez le PDF avec vos documents, ou gardez cet e-mail. Vous pouvez consulter vos consentements, et retirer chacun d’eux à tout moment, dans le portail de confidentialité : {portal}',
  emailReceiptTechnical:
    'Détails techniques : reçu {id}, également joint sous forme de jeton signé (.jwt). Comment vérifier son authenticité : {url}',
  emailRestricted:
    'Le traitement de vos données est limité à votre demande : cette candidature est donc conservée avec le reste de vos données, mais ne sera examinée qu’une fois la limitation levée. Vous en serez informé au préalable.',
  // The consent receipt as a PDF, attached to the confirmation beside the signed token (api consent/receipt-pdf.ts).
  receiptPdfTitle: 'Reçu de consentement',
  receiptPdfSubheading: '{company}, candidature : {job}',
  receiptPdfLead:
    'Ce reçu est une trace de ce que vous avez accepté et refusé en postulant. {company} l’a signé afin qu’aucune des parties ne puisse le modifier ensuite. Conservez-le comme preuve de ce que vous avez accepté.',
  receiptPdfEmail: 'Adresse e-mail : {email}',
  receiptPdfIssued: 'Date et heure : {date}',
  receiptPdfNotice: 'Politique de confidentialité : version {version}, {url}',
  receiptPdfChoice: '{purpose} : {decision}. Base légale : {basis}',
  receiptPdfPortalHeading: 'Consulter ou retirer votre consentement',
  receiptPdfPortal:
    'Vous pouvez consulter vos consentements, et retirer chacun d’eux à tout moment, dans le portail de confidentialité : {url}',
  receiptPdfCheckHeading: 'Vérifier l’authenticité de ce reçu',
  receiptPdfCheck:
    'Reçu {id}. L’original signé est le fichier consent-receipt-{id}.jwt envoyé avec ce PDF : une JSON Web Signature (ES256), signée par {company} avec la clé {kid}. Chacun peut le vérifier avec les clés publiques disponibles à l’adresse {jwks}, au moyen de n’importe quelle bibliothèque JWT.',
  receiptPdfFooter: 'Reçu de consentement {id}',
  pdfPage: 'page {page} sur {pages}',
  emailRestrictionSubject: '{company} : le traitement de vos données est limité',
  emailRestrictionBody:
    'Bonjour {name},\n\nComme vous l’avez demandé, {company} a limité le traitement de vos données à compter du {date} (article 18 du RGPD). Vos données sont conservées mais pas utilisées : vos candidatures n’avancent pas et vous ne recevez aucun e-mail à leur sujet tant que la limitation n’est pas levée. {company} vous préviendra avant de la lever.\n\nSi vous n’avez pas fait cette demande, prévenez {company} immédiatement.',
  emailRestrictionLiftedSubject: '{company} : le traitement de vos données n’est plus limité',
  emailRestrictionLiftedBody:
    'Bonjour {name},\n\n{company} lève la limitation du traitement de vos données en vigueur depuis le {date} (article 18 du RGPD). Vos données seront de nouveau traitées à partir de maintenant : vos candidatures peuvent avancer dans le processus de recrutement et vous pouvez recevoir des e-mails à leur sujet.\n\nSi vous pensez que la limitation doit être maintenue, dites-le à {company} ou utilisez votre portail de confidentialité (lien ci-dessous).',
  emailHello: 'Bonjour,',
  emailNotYou: 'Si ce n’était pas vous, prévenez {company} immédiatement.',
  emailWithdrawalSubject: 'Votre consentement donné à {company} est retiré',
  emailWithdrawalLead:
    'Vous avez retiré votre consentement. {company} cesse cette utilisation de vos données dès maintenant.',
  emailObjectionSubject: 'Vous ne recevrez plus d’e-mails de prospection de {company}',
  emailObjectionLead:
    'Vous vous êtes opposé à la prospection. {company} ne vous envoie plus d’e-mails de prospection, dès maintenant.',
  emailWithdrawn: 'Retiré :',
  emailWithdrawalReceipt:
    'Votre reçu ({id}) est joint. Il est signé par {company} ; la clé permettant de le vérifier est publiée à l’adresse {url}',
  emailContactUpdatedSubject: 'Vos coordonnées chez {company} sont mises à jour',
  emailContactUpdatedBody:
    '{company} a mis à jour vos coordonnées comme vous l’avez demandé dans le portail de confidentialité.',
  emailRectificationSubject: '{company} a reçu votre demande de rectification',
  emailRectificationBody:
    '{company} a reçu votre demande de rectification de vos données. L’équipe vous répond au plus tard le {date} ; vous pouvez suivre la demande dans le portail de confidentialité.',
  emailErasureSubject: '{company} a reçu votre demande d’effacement',
  emailErasureBody:
    '{company} a reçu votre demande d’effacement de vos données. L’équipe l’exécute au plus tard le {date} et vous prévient une fois que c’est fait ; vous pouvez la suivre dans le portail de confidentialité.',
  emailObjectionBody:
    '{company} a enregistré votre opposition à la prospection : vous ne recevez plus d’e-mails de prospection dès maintenant.',
  emailPortalRestrictionSubject: 'Le traitement de vos données chez {company} est limité',
  emailPortalRestrictionBody:
    '{company} conserve vos données mais ne les utilise plus (aucun changement d’étape, aucun e-mail, absentes des recherches) jusqu’à ce que la question soit réglée.',
  emailRequestReceivedSubject: '{company} : nous avons bien reçu votre demande relative à vos données',
  emailRequestReceivedBody:
    'Nous avons reçu votre demande le {received} et vous répondrons au plus tard le {date}. Si nous devons vérifier votre identité, nous vous écrirons d’abord.',
  emailRequestExtendedSubject:
    '{company} : nous avons besoin de plus de temps pour votre demande relative à vos données',
  emailRequestExtendedBody:
    'Nous avons besoin de plus de temps pour répondre à votre demande et vous répondrons au plus tard le {date}.\n\nPourquoi : {reason}',
  emailRequestCompletedSubject: '{company} : votre demande relative à vos données est traitée',
  emailRequestRefusedSubject: '{company} : votre demande relative à vos données',
  emailRequestErasedSubject: '{company} : vos données ont été effacées',
  emailRequestErasedBody:
    'Nous avons effacé les données personnelles que nous détenions à votre sujet. Les statistiques sans votre nom (par exemple le nombre de personnes ayant postulé à une offre) sont conservées.',
  emailRequestReference: 'Référence : {reference} ({type})',
  emailRequestTypes: {
    access: 'Accès (une copie des données)',
    portability: 'Portabilité (export lisible par machine)',
    rectification: 'Rectification (corriger les données)',
    erasure: 'Effacement',
    restriction: 'Limitation du traitement',
    objection: 'Opposition',
    consent_withdrawal: 'Retrait du consentement',
    opt_out: 'Opposition à la vente ou au partage',
  },
  emailRenewalSubject: '{company} : rester dans notre vivier de talents ?',
  emailRenewalBody:
    'Bonjour {name},\n\nVous avez accepté que {company} conserve votre profil et vous contacte au sujet de futurs postes. Cet accord prend fin le {date}. Si vous ne faites rien, votre profil sera alors effacé.\n\nPour rester {period} de plus, ouvrez ce lien et confirmez :\n{link}',
  periodLength:
    '{unit, select, months {{amount, plural, one {# mois} other {# mois}}} other {{amount, plural, one {# jour} other {# jours}}}}',
  offerPageTitle: 'Offre de {company}',
  offerPageTitleUnknown: 'Offre',
  offerTitle: 'Votre offre de {company}',
  offerMeta: '{job} · {salary} · début le {date}',
  offerAnswerBy: 'Merci de répondre au plus tard le {date}.',
  offerAccept: 'Accepter l’offre',
  offerDecline: 'Refuser',
  offerStatusLabel: 'Statut :',
  offerStatuses: {
    pending_approval: 'En attente d’approbation',
    approved: 'Approuvée',
    sent: 'Envoyée',
    accepted: 'Acceptée',
    declined: 'Refusée',
    expired: 'Expirée',
    withdrawn: 'Retirée',
  },
  offerAccepted:
    'Merci : vous avez accepté l’offre. Nous reviendrons vers vous au sujet des prochaines étapes.',
  offerDeclined: 'Vous avez refusé l’offre. Merci de nous l’avoir fait savoir.',
  offerNotFoundTitle: 'Offre introuvable',
  offerErrors: {
    notFound: 'Ce lien d’offre n’est pas valide',
    expired: 'Cette offre a expiré',
    answered: 'Une réponse a déjà été donnée à cette offre',
    tooMany: 'Trop de tentatives ; patientez quelques minutes puis réessayez',
    answerHere: 'Merci de répondre depuis la page de l’offre elle-même.',
    failed: 'Un problème est survenu de notre côté',
  },
  schedulePageTitle: 'Choisissez l’horaire de votre entretien - {company}',
  scheduleTitle: 'Choisissez l’horaire de votre entretien',
  scheduleLead:
    '{company} vous invite à un entretien pour le poste {job}. Choisissez l’horaire qui vous convient le mieux : chaque participant reçoit une invitation d’agenda par e-mail.',
  scheduleZone: 'Afficher les horaires dans ce fuseau horaire',
  scheduleZoneButton: 'Afficher les horaires',
  scheduleTimes: 'Horaires proposés',
  scheduleBook: 'Réserver cet horaire',
  scheduleTaken: 'Désolé, cet horaire n’est plus libre. Merci d’en choisir un autre.',
  schedulePickOne: 'Merci de choisir l’un des horaires.',
  scheduleNoneLeft:
    'Aucun des horaires proposés n’est encore libre. Merci de répondre à notre e-mail : nous trouverons un autre horaire avec vous.',
  scheduleBookedTitle: 'Votre entretien est réservé',
  scheduleBookedLead:
    'Votre entretien aura lieu le {when}. Nous vous avons envoyé l’invitation d’agenda par e-mail.',
  scheduleInvalidTitle: 'Ce lien ne fonctionne plus',
  scheduleInvalidBody:
    'Le lien a expiré, a déjà servi à réserver un horaire ou est incomplet. Si vous avez encore besoin d’un horaire, merci de répondre à notre e-mail.',
};
