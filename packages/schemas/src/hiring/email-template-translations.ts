import type { TLocale } from '../careers/languages.js';
import type { TEmailTemplateKey, TEmailTemplateText } from './email-templates.js';

/**
 * Candor's default wording of the candidate emails in the other careers
 * languages (English is in EMAIL_TEMPLATES). Same `{{variables}}` as the
 * English text. A template missing here goes out in English.
 */
export const EMAIL_TEMPLATE_TRANSLATIONS: Partial<
  Record<TEmailTemplateKey, Record<Exclude<TLocale, 'en'>, TEmailTemplateText>>
> = {
  application_received: {
    de: {
      subject: 'Wir haben Ihre Bewerbung als {{job_title}} erhalten',
      body: 'Guten Tag {{candidate_name}},\n\nvielen Dank für Ihre Bewerbung als {{job_title}} bei {{company_name}}. Wir prüfen Ihre Bewerbung sorgfältig und melden uns bei Ihnen.\n\nMit freundlichen Grüßen\nIhr Recruiting-Team von {{company_name}}',
    },
    fr: {
      subject: 'Nous avons bien reçu votre candidature au poste {{job_title}}',
      body: 'Bonjour {{candidate_name}},\n\nMerci pour votre candidature au poste {{job_title}} chez {{company_name}}. Nous allons l’examiner avec attention et reviendrons vers vous.\n\nBien cordialement,\nL’équipe de recrutement de {{company_name}}',
    },
    es: {
      subject: 'Hemos recibido su candidatura para {{job_title}}',
      body: 'Hola, {{candidate_name}}:\n\nGracias por presentar su candidatura al puesto de {{job_title}} en {{company_name}}. La revisaremos con atención y nos pondremos en contacto con usted.\n\nUn saludo cordial,\nEl equipo de selección de {{company_name}}',
    },
  },
  rejection: {
    de: {
      subject: 'Ihre Bewerbung als {{job_title}} bei {{company_name}}',
      body: 'Guten Tag {{candidate_name}},\n\nvielen Dank für Ihr Interesse an der Stelle als {{job_title}} und für die Zeit, die Sie in Ihre Bewerbung investiert haben. Nach sorgfältiger Prüfung haben wir entschieden, Ihre Bewerbung nicht weiter zu berücksichtigen.\n\nWir wünschen Ihnen für Ihre weitere Suche viel Erfolg.\n\nMit freundlichen Grüßen\nIhr Recruiting-Team von {{company_name}}',
    },
    fr: {
      subject: 'Votre candidature au poste {{job_title}} chez {{company_name}}',
      body: 'Bonjour {{candidate_name}},\n\nMerci de l’intérêt que vous portez au poste {{job_title}} et du temps consacré à votre candidature. Après un examen attentif, nous avons décidé de ne pas donner suite à votre candidature.\n\nNous vous souhaitons pleine réussite dans vos recherches.\n\nBien cordialement,\nL’équipe de recrutement de {{company_name}}',
    },
    es: {
      subject: 'Su candidatura para {{job_title}} en {{company_name}}',
      body: 'Hola, {{candidate_name}}:\n\nGracias por su interés en el puesto de {{job_title}} y por el tiempo dedicado a su candidatura. Tras valorarla detenidamente, hemos decidido no seguir adelante con ella.\n\nLe deseamos mucho éxito en su búsqueda.\n\nUn saludo cordial,\nEl equipo de selección de {{company_name}}',
    },
  },
  candidate_interview_invitation: {
    de: {
      subject: 'Ihr Vorstellungsgespräch als {{job_title}} bei {{company_name}}',
      body: 'Guten Tag {{candidate_name}},\n\nwir möchten Sie gern zu einem Vorstellungsgespräch für die Stelle als {{job_title}} einladen.\n\nWann: {{when}}\nWo: {{where}}\n\nDie Kalendereinladung ist beigefügt. Falls der Termin nicht passt, antworten Sie uns bitte kurz.\n\nMit freundlichen Grüßen\nIhr Recruiting-Team von {{company_name}}',
    },
    fr: {
      subject: 'Votre entretien pour le poste {{job_title}} chez {{company_name}}',
      body: 'Bonjour {{candidate_name}},\n\nNous souhaitons vous inviter à un entretien pour le poste {{job_title}}.\n\nQuand : {{when}}\nOù : {{where}}\n\nL’invitation d’agenda est jointe. Si cet horaire ne vous convient pas, merci de nous répondre pour nous le faire savoir.\n\nBien cordialement,\nL’équipe de recrutement de {{company_name}}',
    },
    es: {
      subject: 'Su entrevista para {{job_title}} en {{company_name}}',
      body: 'Hola, {{candidate_name}}:\n\nNos gustaría invitarle a una entrevista para el puesto de {{job_title}}.\n\nCuándo: {{when}}\nDónde: {{where}}\n\nSe adjunta la invitación de calendario. Si el horario no le viene bien, responda a este correo para indicárnoslo.\n\nUn saludo cordial,\nEl equipo de selección de {{company_name}}',
    },
  },
  self_scheduling_invitation: {
    de: {
      subject: 'Wählen Sie einen Termin für Ihr Vorstellungsgespräch als {{job_title}}',
      body: 'Guten Tag {{candidate_name}},\n\nwir möchten Sie gern zu einem Vorstellungsgespräch für die Stelle als {{job_title}} bei {{company_name}} einladen. Bitte wählen Sie bis {{expires_on}} hier den Termin, der Ihnen am besten passt:\n{{scheduling_link}}\n\nMit freundlichen Grüßen\nIhr Recruiting-Team von {{company_name}}',
    },
    fr: {
      subject: 'Choisissez l’horaire de votre entretien pour le poste {{job_title}}',
      body: 'Bonjour {{candidate_name}},\n\nNous souhaitons vous inviter à un entretien pour le poste {{job_title}} chez {{company_name}}. Merci de choisir ici, avant le {{expires_on}}, l’horaire qui vous convient le mieux :\n{{scheduling_link}}\n\nBien cordialement,\nL’équipe de recrutement de {{company_name}}',
    },
    es: {
      subject: 'Elija la hora de su entrevista para {{job_title}}',
      body: 'Hola, {{candidate_name}}:\n\nNos gustaría invitarle a una entrevista para el puesto de {{job_title}} en {{company_name}}. Elija aquí, antes del {{expires_on}}, la hora que mejor le venga:\n{{scheduling_link}}\n\nUn saludo cordial,\nEl equipo de selección de {{company_name}}',
    },
  },
  candidate_interview_rescheduled: {
    de: {
      subject: 'Neuer Termin für Ihr Vorstellungsgespräch als {{job_title}}',
      body: 'Guten Tag {{candidate_name}},\n\nIhr Vorstellungsgespräch für die Stelle als {{job_title}} hat einen neuen Termin.\n\nWann: {{when}}\nWo: {{where}}\n\nDie beigefügte Aktualisierung verschiebt den Termin in Ihrem Kalender. Falls der neue Termin nicht passt, antworten Sie uns bitte kurz.\n\nMit freundlichen Grüßen\nIhr Recruiting-Team von {{company_name}}',
    },
    fr: {
      subject: 'Nouvel horaire pour votre entretien pour le poste {{job_title}}',
      body: 'Bonjour {{candidate_name}},\n\nVotre entretien pour le poste {{job_title}} a un nouvel horaire.\n\nQuand : {{when}}\nOù : {{where}}\n\nLa mise à jour jointe le déplace dans votre agenda. Si ce nouvel horaire ne vous convient pas, merci de nous répondre pour nous le faire savoir.\n\nBien cordialement,\nL’équipe de recrutement de {{company_name}}',
    },
    es: {
      subject: 'Nuevo horario para su entrevista para {{job_title}}',
      body: 'Hola, {{candidate_name}}:\n\nSu entrevista para el puesto de {{job_title}} tiene un nuevo horario.\n\nCuándo: {{when}}\nDónde: {{where}}\n\nLa actualización adjunta la cambia en su calendario. Si el nuevo horario no le viene bien, responda a este correo para indicárnoslo.\n\nUn saludo cordial,\nEl equipo de selección de {{company_name}}',
    },
  },
  candidate_interview_cancelled: {
    de: {
      subject: 'Ihr Vorstellungsgespräch als {{job_title}} ist abgesagt',
      body: 'Guten Tag {{candidate_name}},\n\ndas für {{when}} geplante Vorstellungsgespräch für die Stelle als {{job_title}} ist abgesagt. Die beigefügte Aktualisierung entfernt den Termin aus Ihrem Kalender. Wir melden uns bei Ihnen.\n\nMit freundlichen Grüßen\nIhr Recruiting-Team von {{company_name}}',
    },
    fr: {
      subject: 'Votre entretien pour le poste {{job_title}} est annulé',
      body: 'Bonjour {{candidate_name}},\n\nL’entretien pour le poste {{job_title}} prévu le {{when}} est annulé. La mise à jour jointe le retire de votre agenda. Nous reviendrons vers vous.\n\nBien cordialement,\nL’équipe de recrutement de {{company_name}}',
    },
    es: {
      subject: 'Su entrevista para {{job_title}} se ha cancelado',
      body: 'Hola, {{candidate_name}}:\n\nLa entrevista para el puesto de {{job_title}} prevista para el {{when}} se ha cancelado. La actualización adjunta la elimina de su calendario. Nos pondremos en contacto con usted.\n\nUn saludo cordial,\nEl equipo de selección de {{company_name}}',
    },
  },
  notice_changed: {
    de: {
      subject: '{{company_name}} ändert, wie Ihre Daten verarbeitet werden',
      body: 'Guten Tag {{candidate_name}},\n\nwir aktualisieren die Datenschutzhinweise, in denen {{company_name}} erklärt, wie die Daten von Personen verarbeitet werden, die sich bei uns beworben haben. Die neue Version tritt am {{effective_on}} in Kraft.\n\nWas sich ändert: {{change_summary}}\n\nDie neuen Hinweise finden Sie hier:\n{{notice_link}}\n\nSie müssen nichts tun. Wenn Sie nicht mehr möchten, dass wir Ihre Daten aufbewahren, können Sie in Ihrem Datenschutzportal (Link unten) Ihre Einwilligung widerrufen oder die Löschung verlangen.\n\nMit freundlichen Grüßen\nIhr Recruiting-Team von {{company_name}}',
    },
    fr: {
      subject: '{{company_name}} modifie la façon dont vos données sont traitées',
      body: 'Bonjour {{candidate_name}},\n\nNous mettons à jour la politique de confidentialité qui explique comment {{company_name}} traite les données des personnes ayant postulé chez nous. La nouvelle version entre en vigueur le {{effective_on}}.\n\nCe qui change : {{change_summary}}\n\nLisez la nouvelle politique ici :\n{{notice_link}}\n\nVous n’avez rien à faire. Si vous ne souhaitez plus que nous conservions vos données, vous pouvez retirer votre consentement ou en demander l’effacement dans votre portail de confidentialité (lien ci-dessous).\n\nBien cordialement,\nL’équipe de recrutement de {{company_name}}',
    },
    es: {
      subject: '{{company_name}} cambia la forma en que trata sus datos',
      body: 'Hola, {{candidate_name}}:\n\nEstamos actualizando la política de privacidad en la que {{company_name}} explica cómo trata los datos de las personas que han presentado su candidatura. La nueva versión entra en vigor el {{effective_on}}.\n\nQué cambia: {{change_summary}}\n\nPuede leer la nueva política aquí:\n{{notice_link}}\n\nNo tiene que hacer nada. Si ya no desea que conservemos sus datos, puede retirar su consentimiento o solicitar su supresión en su portal de privacidad (enlace más abajo).\n\nUn saludo cordial,\nEl equipo de selección de {{company_name}}',
    },
  },
  sourced_notice: {
    de: {
      subject: 'Wie {{company_name}} zu Ihren Daten gekommen ist',
      body: 'Guten Tag {{candidate_name}},\n\nwir haben Sie in das Recruiting-System von {{company_name}} aufgenommen, weil wir Sie für Stellen bei uns in Betracht ziehen möchten. Da Sie uns Ihre Daten nicht selbst gegeben haben, informieren wir Sie darüber (Art. 14 DSGVO).\n\nWoher Ihre Daten stammen: {{data_source}}.\n\nWas wir gespeichert haben: {{data_held}}.\n\nWir verwenden sie nur, um Sie für Stellen in Betracht zu ziehen und Sie dazu zu kontaktieren, in unserem berechtigten Interesse, Menschen für unser Team zu finden, und löschen sie, wie in unseren Datenschutzhinweisen angegeben. Wer sie sehen darf, wie lange wir sie aufbewahren und welche Rechte Sie haben, steht in unseren Datenschutzhinweisen:\n{{notice_link}}\n\nSie können jederzeit widersprechen. Im Datenschutzportal (Link unten) können Sie Ihre Daten einsehen, herunterladen, berichtigen oder löschen. Außerdem können Sie sich bei einer Datenschutzaufsichtsbehörde beschweren.\n\nMit freundlichen Grüßen\nIhr Recruiting-Team von {{company_name}}',
    },
    fr: {
      subject: 'Comment {{company_name}} a obtenu vos coordonnées',
      body: 'Bonjour {{candidate_name}},\n\nNous vous avons ajouté au système de recrutement de {{company_name}}, car nous aimerions vous considérer pour des postes chez nous. Comme vous ne nous avez pas transmis vos données vous-même, nous vous en informons (article 14 du RGPD).\n\nD’où viennent vos données : {{data_source}}.\n\nCe que nous conservons : {{data_held}}.\n\nNous les utilisons uniquement pour vous considérer pour des postes et vous contacter à ce sujet, dans notre intérêt légitime à trouver des personnes pour notre équipe, et nous les effaçons comme l’indique notre politique de confidentialité. Qui peut les voir, combien de temps nous les conservons et vos droits figurent dans notre politique de confidentialité :\n{{notice_link}}\n\nVous pouvez vous y opposer à tout moment. Dans le portail de confidentialité (lien ci-dessous), vous pouvez consulter, télécharger, rectifier ou effacer vos données. Vous pouvez aussi introduire une réclamation auprès d’une autorité de protection des données.\n\nBien cordialement,\nL’équipe de recrutement de {{company_name}}',
    },
    es: {
      subject: 'Cómo obtuvo {{company_name}} sus datos',
      body: 'Hola, {{candidate_name}}:\n\nLe hemos incluido en el sistema de selección de {{company_name}} porque nos gustaría tenerle en cuenta para puestos en nuestra empresa. Como no nos facilitó sus datos usted mismo, se lo comunicamos (artículo 14 del RGPD).\n\nDe dónde proceden sus datos: {{data_source}}.\n\nQué datos conservamos: {{data_held}}.\n\nSolo los utilizamos para tenerle en cuenta para puestos y contactarle al respecto, en nuestro interés legítimo de encontrar personas para nuestro equipo, y los suprimimos cuando lo indica nuestra política de privacidad. Quién puede verlos, cuánto tiempo los conservamos y sus derechos figuran en nuestra política de privacidad:\n{{notice_link}}\n\nPuede oponerse en cualquier momento. En el portal de privacidad (enlace más abajo) puede ver, descargar, rectificar o suprimir sus datos. También puede presentar una reclamación ante una autoridad de protección de datos.\n\nUn saludo cordial,\nEl equipo de selección de {{company_name}}',
    },
  },
  offer: {
    de: {
      subject: 'Ihr Angebot als {{job_title}} bei {{company_name}}',
      body: 'Guten Tag {{candidate_name}},\n\nwir freuen uns sehr, Ihnen die Stelle als {{job_title}} bei {{company_name}} anzubieten. Ihr Angebotsschreiben ist beigefügt.\n\nBitte nehmen Sie das Angebot bis {{expires_on}} hier an oder lehnen Sie es ab:\n{{offer_link}}\n\nMit freundlichen Grüßen\nIhr Recruiting-Team von {{company_name}}',
    },
    fr: {
      subject: 'Votre offre pour le poste {{job_title}} chez {{company_name}}',
      body: 'Bonjour {{candidate_name}},\n\nNous sommes ravis de vous proposer le poste {{job_title}} chez {{company_name}}. Votre lettre d’offre est jointe.\n\nMerci de l’accepter ou de la refuser ici avant le {{expires_on}} :\n{{offer_link}}\n\nBien cordialement,\nL’équipe de recrutement de {{company_name}}',
    },
    es: {
      subject: 'Su oferta para {{job_title}} en {{company_name}}',
      body: 'Hola, {{candidate_name}}:\n\nNos complace ofrecerle el puesto de {{job_title}} en {{company_name}}. Se adjunta su carta de oferta.\n\nAcéptela o recháctela aquí antes del {{expires_on}}:\n{{offer_link}}\n\nUn saludo cordial,\nEl equipo de selección de {{company_name}}',
    },
  },
};

/** Candor's default wording of a template in a language: the translation, else the English text. */
export function defaultTemplateText(
  english: TEmailTemplateText,
  key: TEmailTemplateKey,
  locale: TLocale,
): TEmailTemplateText {
  return locale === 'en' ? english : (EMAIL_TEMPLATE_TRANSLATIONS[key]?.[locale] ?? english);
}
