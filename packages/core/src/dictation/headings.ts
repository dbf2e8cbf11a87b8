// The built-in vocabulary of spoken note section headings, with canonical titles and LOINC section codes.
//
// Codes come from the fact sheet /work/shared/reference/clinical-sections-and-hl7.md (C-CDA section templates,
// HL7/CDA-ccda fsh-tank 364e89a; IHE PCC exam sub-sections; [SHR] jembi/openmrs-module-shr-odd) and each was
// checked against a second source:
//   [VS] FHIR ValueSet doc-section-codes (http://hl7.org/fhir/ValueSet/doc-section-codes, 5.0.0-draft-final;
//        copy in costateixeira/qascripts package/ValueSet-doc-section-codes.json, a1c1bdf) — codes and displays;
//   [SD] benjaminflessner/CDA-ccda-2.1-sd input/fsh/Sections/*.fsh (c2d6ab9) — C-CDA 2.1 section profiles;
//   [OM] openmrs/openmrs-module-cdagenerator …/SectionHandlers/*Section.java — IHE PCC exam sub-section codes;
//   [CH] jembi/openmrs-module-shr-cdahandler …/HistoryOfSurgicalProceduresSectionProcessor.java (013fbd6).
// Displays are the LOINC short names as the sources write them. Sections without a sourced code have none
// (HEENT: no single verified code; diagnosis, disposition, recommendations…: none in the sources).
import type { HeadingSpec, SectionCode } from './types.js';

const loinc = (code: string, display: string): SectionCode => ({ system: 'http://loinc.org', code, display });

/** Exam sub-sections sit under these sections (review of systems uses the same body-system headings). */
const EXAM_PARENTS = ['physical-examination', 'review-of-systems', 'objective', 'vital-signs'] as const;

/** An exam sub-section; each spoken form also with `exam`/`examination` after it ("neck exam"). */
const exam = (
  id: string,
  title: string,
  spoken: readonly string[],
  code?: SectionCode,
  suffixed = true,
): HeadingSpec => ({
  id,
  title,
  spoken: [
    ...new Set(
      spoken.flatMap((s) =>
        !suffixed || /\bexam(ination)?$/.test(s) ? [s] : [s, `${s} exam`, `${s} examination`],
      ),
    ),
  ],
  level: 2,
  parents: EXAM_PARENTS,
  ...(code ? { code } : {}),
});

/** The built-in headings. Pass `[...HEADINGS, ...yours]` as `headings` to add your own. */
export const HEADINGS: readonly HeadingSpec[] = Object.freeze([
  // Reason for the encounter and history.
  {
    id: 'chief-complaint',
    title: 'Chief complaint',
    spoken: ['chief complaint', 'cc', 'presenting complaint'],
    code: loinc('10154-3', 'Chief complaint Narrative - Reported'), // [VS][SD]
  },
  {
    id: 'reason-for-visit',
    title: 'Reason for visit',
    spoken: ['reason for visit', 'reason for the visit', 'reason for encounter', 'reason for exam'],
    code: loinc('29299-5', 'Reason for visit Narrative'), // [VS][SD]
  },
  {
    id: 'reason-for-referral',
    title: 'Reason for referral',
    spoken: ['reason for referral', 'reason for the referral'],
    code: loinc('42349-1', 'Reason for referral (narrative)'), // [VS][SD]
  },
  {
    id: 'reason-for-consultation',
    title: 'Reason for consultation',
    spoken: ['reason for consultation', 'reason for consult', 'reason for the consultation'],
  },
  {
    id: 'history-of-present-illness',
    title: 'History of present illness',
    spoken: [
      'history of present illness',
      'history of the present illness',
      'history of presenting illness',
      'history of the presenting illness',
      'present illness',
      'hpi',
      'interval history',
    ],
    code: loinc('10164-2', 'History of Present illness Narrative'), // [VS][SD]
  },
  {
    id: 'history',
    title: 'History',
    spoken: ['history', 'brief history', 'clinical history', 'history and physical', 'h and p'],
  },
  {
    id: 'review-of-systems',
    title: 'Review of systems',
    spoken: ['review of systems', 'review of system', 'ros', 'systems review'],
    code: loinc('10187-3', 'Review of systems Narrative - Reported'), // [VS][SD]
  },
  {
    id: 'past-medical-history',
    title: 'Past medical history',
    spoken: [
      'past medical history',
      'medical history',
      'pmh',
      'past history',
      'past medical and surgical history',
    ],
    code: loinc('11348-0', 'History of Past illness Narrative'), // [VS][SD]
  },
  {
    id: 'past-surgical-history',
    title: 'Past surgical history',
    spoken: ['past surgical history', 'surgical history', 'psh', 'past surgeries', 'previous surgeries'],
    code: loinc('10167-5', 'History of Surgical procedures'), // fact sheet [SHR]; [CH]
  },
  {
    id: 'family-history',
    title: 'Family history',
    spoken: ['family history', 'family medical history', 'fh', 'fhx'],
    code: loinc('10157-6', 'History of family member diseases Narrative'), // [VS][SD]
  },
  {
    id: 'social-history',
    title: 'Social history',
    spoken: ['social history', 'social habits', 'sh', 'shx'],
    code: loinc('29762-2', 'Social history Narrative'), // [VS][SD]
  },
  {
    id: 'medications',
    title: 'Medications',
    spoken: [
      'medications',
      'medication',
      'current medications',
      'current medication',
      'home medications',
      'medications at home',
      'outpatient medications',
      'medication list',
      'meds',
      'current meds',
    ],
    code: loinc('10160-0', 'History of Medication use Narrative'), // [VS][SD]
  },
  {
    id: 'admission-medications',
    title: 'Admission medications',
    spoken: ['admission medications', 'medications on admission', 'admitting medications'],
    code: loinc('42346-7', 'Medications on admission (narrative)'), // [VS][SD]
  },
  {
    id: 'allergies',
    title: 'Allergies',
    spoken: ['allergies', 'allergy', 'drug allergies', 'medication allergies', 'allergies to medications'],
    code: loinc('48765-2', 'Allergies and adverse reactions Document'), // [VS][SD]
  },
  {
    id: 'immunizations',
    title: 'Immunizations',
    spoken: ['immunizations', 'immunization history', 'vaccinations'],
  },

  // Examination and its sub-sections.
  {
    id: 'physical-examination',
    title: 'Physical examination',
    spoken: [
      'physical examination',
      'physical exam',
      'exam',
      'examination',
      'general examination',
      'general exam',
      'physical findings',
    ],
    code: loinc('29545-1', 'Physical findings Narrative'), // [VS][SD]
  },
  {
    ...exam('vital-signs', 'Vital signs', ['vital signs', 'vitals'], loinc('8716-3', 'Vital signs')), // [VS][SD]
    parents: ['physical-examination', 'objective'],
    topLevel: true,
  },
  exam(
    'general',
    'General',
    ['general', 'general appearance', 'constitutional', 'appearance'],
    loinc('10210-3', 'Physical findings of General status Narrative'), // [VS][SD]
    false, // "general exam" is the whole physical examination
  ),
  exam('heent', 'HEENT', [
    'heent',
    'head eyes ears nose and throat',
    'head eyes ears nose throat',
    'head ears eyes nose and throat',
  ]),
  exam('head', 'Head', ['head'], loinc('10199-8', 'Physical findings of Head Narrative')), // [OM]
  exam('eyes', 'Eyes', ['eyes', 'eye'], loinc('10197-2', 'Physical findings of Eye Narrative')), // [OM]
  exam(
    'ears-nose-mouth-throat',
    'Ears, nose, mouth and throat',
    ['ent', 'ears nose and throat', 'ears nose throat', 'ears nose mouth and throat'],
    loinc('11393-6', 'Ears, Nose, Mouth and Throat'), // [OM]; display as the IHE PCC section name
  ),
  exam('ears', 'Ears', ['ears']),
  exam('nose', 'Nose', ['nose']),
  exam('mouth', 'Mouth', ['mouth', 'oropharynx', 'mouth and throat']),
  exam('throat', 'Throat', ['throat']),
  exam('neck', 'Neck', ['neck'], loinc('11411-6', 'Physical findings of Neck Narrative')), // [OM]
  exam('chest', 'Chest', ['chest', 'chest wall']),
  exam('breasts', 'Breasts', ['breasts', 'breast']),
  exam('lungs', 'Lungs', ['lungs', 'lung', 'respiratory', 'pulmonary', 'chest and lungs']),
  exam(
    'heart',
    'Heart',
    ['heart', 'cardiac', 'cardiovascular', 'cv'],
    loinc('10200-4', 'Physical findings of Heart Narrative'), // [OM]
  ),
  exam(
    'abdomen',
    'Abdomen',
    ['abdomen', 'abdominal', 'abd'],
    loinc('10191-5', 'Physical findings of Abdomen Narrative'), // [OM]
  ),
  exam('gastrointestinal', 'Gastrointestinal', ['gastrointestinal', 'gi']),
  exam('genitourinary', 'Genitourinary', ['genitourinary', 'gu', 'genitalia', 'genital']),
  exam('pelvic', 'Pelvic', ['pelvic', 'pelvic exam', 'pelvic examination']),
  exam('rectal', 'Rectal', ['rectal', 'rectal exam', 'rectal examination', 'digital rectal examination']),
  exam('back', 'Back', ['back', 'spine']),
  exam('extremities', 'Extremities', ['extremities', 'extremity']),
  exam('musculoskeletal', 'Musculoskeletal', ['musculoskeletal', 'msk']),
  exam('skin', 'Skin', ['skin', 'integumentary']),
  exam('lymphatic', 'Lymph nodes', ['lymph nodes', 'lymphatic', 'lymph']),
  exam(
    'neurologic',
    'Neurologic',
    ['neurologic', 'neurological', 'neuro', 'neurologic exam', 'neurologic examination'],
    loinc('10202-0', 'Physical findings of Nervous system Narrative'), // [OM]
  ),
  exam('psychiatric', 'Psychiatric', ['psychiatric', 'psych', 'mental status']),

  // SOAP.
  {
    id: 'subjective',
    title: 'Subjective',
    spoken: ['subjective'],
    code: loinc('61150-9', 'Subjective Narrative'), // [VS][SD]
  },
  {
    id: 'objective',
    title: 'Objective',
    spoken: ['objective'],
    code: loinc('61149-1', 'Objective Narrative'), // [VS][SD]
  },
  {
    id: 'laboratory-data',
    title: 'Laboratory data',
    spoken: [
      'laboratory data',
      'laboratory',
      'laboratory studies',
      'laboratory results',
      'laboratory work',
      'labs',
      'lab results',
      'lab data',
      'lab work',
      'diagnostic data',
      'diagnostic studies',
      'results',
      'studies',
    ],
    code: loinc('30954-2', 'Relevant diagnostic tests/laboratory data Narrative'), // [VS][SD]
  },
  { id: 'imaging', title: 'Imaging', spoken: ['imaging', 'radiology', 'imaging studies'] },

  // Assessment and plan.
  {
    id: 'assessment',
    title: 'Assessment',
    spoken: ['assessment', 'clinical assessment'],
    code: loinc('51848-0', 'Evaluation note'), // [VS][SD]
    lists: true,
  },
  {
    id: 'impression',
    title: 'Impression',
    spoken: ['impression', 'clinical impression', 'diagnostic impression'],
    code: loinc('51848-0', 'Evaluation note'), // fact sheet: the Assessment section a.k.a. impression
    lists: true,
  },
  {
    id: 'diagnosis',
    title: 'Diagnosis',
    spoken: ['diagnosis', 'diagnoses', 'final diagnosis', 'final diagnoses', 'working diagnosis'],
    lists: true,
  },
  {
    id: 'assessment-and-plan',
    title: 'Assessment and plan',
    spoken: ['assessment and plan', 'assessment plan', 'a and p', 'impression and plan', 'impression plan'],
    code: loinc('51847-2', 'Evaluation + Plan note'), // fact sheet; [SD]
    lists: true,
  },
  {
    id: 'plan',
    title: 'Plan',
    spoken: ['plan', 'plan of care', 'plan of treatment', 'treatment plan', 'care plan'],
    code: loinc('18776-5', 'Plan of care note'), // [VS][SD]
    lists: true,
  },
  {
    id: 'recommendations',
    title: 'Recommendations',
    spoken: ['recommendations', 'recommendation'],
    lists: true,
  },
  { id: 'summary', title: 'Summary', spoken: ['summary', 'conclusion', 'conclusions'] },

  // Procedures and operations.
  {
    id: 'preoperative-diagnosis',
    title: 'Preoperative diagnosis',
    spoken: [
      'preoperative diagnosis',
      'preoperative diagnoses',
      'preop diagnosis',
      'preop diagnoses',
      'preoperative dx',
      'preop dx',
    ],
    code: loinc('10219-4', 'Surgical operation note preoperative diagnosis Narrative'), // fact sheet; [SD]
    lists: true,
  },
  {
    id: 'postoperative-diagnosis',
    title: 'Postoperative diagnosis',
    spoken: [
      'postoperative diagnosis',
      'postoperative diagnoses',
      'postop diagnosis',
      'postop diagnoses',
      'postoperative dx',
      'postop dx',
    ],
    code: loinc('10218-6', 'Surgical operation note postoperative diagnosis Narrative'), // [VS][SD]
    lists: true,
  },
  {
    id: 'preprocedure-diagnosis',
    title: 'Preprocedure diagnosis',
    spoken: ['preprocedure diagnosis', 'preprocedure diagnoses', 'preprocedural diagnosis'],
    lists: true,
  },
  {
    id: 'postprocedure-diagnosis',
    title: 'Postprocedure diagnosis',
    spoken: ['postprocedure diagnosis', 'postprocedure diagnoses', 'postprocedural diagnosis'],
    code: loinc('59769-0', 'Postprocedure diagnosis Narrative'), // [VS][SD]
    lists: true,
  },
  {
    id: 'procedure',
    title: 'Procedure',
    spoken: [
      'procedure',
      'procedures',
      'procedure performed',
      'procedures performed',
      'procedure done',
      'name of procedure',
      'title of procedure',
      'procedure note',
    ],
    lists: true,
  },
  {
    id: 'operation',
    title: 'Operation',
    spoken: [
      'operation',
      'operations',
      'operation performed',
      'operations performed',
      'operative procedure',
      'operative procedures',
      'surgical procedure',
      'name of operation',
      'title of operation',
    ],
    code: loinc('10223-6', 'Surgical operation note surgical procedure Narrative'), // [VS][SD]
    lists: true,
  },
  {
    id: 'indications',
    title: 'Indications',
    spoken: [
      'indications',
      'indication',
      'indications for procedure',
      'indication for procedure',
      'indications for the procedure',
      'indication for the procedure',
      'indications for this procedure',
      'indications for operation',
      'indication for operation',
      'indications for the operation',
      'indications for surgery',
      'indication for surgery',
      'indications for the surgery',
      'reason for procedure',
    ],
    code: loinc('59768-2', 'Procedure indications [Interpretation] Narrative'), // [VS][SD]
  },
  {
    id: 'description-of-procedure',
    title: 'Description of procedure',
    spoken: [
      'description of procedure',
      'description of the procedure',
      'procedure description',
      'procedure in detail',
      'procedure details',
      'procedure detail',
      'details of procedure',
      'details of the procedure',
      'description of operation',
      'description of the operation',
      'description of operative procedure',
      'operation in detail',
      'details of the operation',
      'detail of the operation',
      'operative procedure in detail',
      'operative technique',
      'operative note',
    ],
    code: loinc('29554-3', 'Procedure Narrative'), // [VS][SD]
  },
  { id: 'technique', title: 'Technique', spoken: ['technique'] },
  {
    id: 'findings',
    title: 'Findings',
    spoken: [
      'findings',
      'finding',
      'operative findings',
      'intraoperative findings',
      'procedure findings',
      'findings at surgery',
      'gross findings',
    ],
    code: loinc('59776-5', 'Procedure findings Narrative'), // [VS][SD]
  },
  {
    id: 'anesthesia',
    title: 'Anesthesia',
    spoken: ['anesthesia', 'anaesthesia', 'anesthetic', 'type of anesthesia'],
    code: loinc('59774-0', 'Procedure anesthesia Narrative'), // fact sheet; [SD]
  },
  {
    id: 'estimated-blood-loss',
    title: 'Estimated blood loss',
    spoken: ['estimated blood loss', 'blood loss', 'ebl'],
    code: loinc('59770-8', 'Procedure estimated blood loss Narrative'), // [VS][SD]
  },
  {
    id: 'complications',
    title: 'Complications',
    spoken: ['complications', 'complication'],
    code: loinc('55109-3', 'Complications Document'), // [VS][SD]
  },
  {
    id: 'specimens',
    title: 'Specimens',
    spoken: [
      'specimens',
      'specimen',
      'specimens removed',
      'specimen removed',
      'specimens taken',
      'specimen to pathology',
    ],
    code: loinc('59773-2', 'Procedure specimens taken Narrative'), // [VS][SD]
  },
  {
    id: 'drains',
    title: 'Drains',
    spoken: ['drains', 'drain', 'tubes and drains'],
    code: loinc('11537-8', 'Surgical drains Narrative'), // [VS][SD]
  },
  {
    id: 'implants',
    title: 'Implants',
    spoken: ['implants', 'implant'],
    code: loinc('59771-6', 'Procedure implants Narrative'), // [VS][SD]
  },
  {
    id: 'fluids',
    title: 'Fluids',
    spoken: ['fluids', 'fluid', 'fluids received', 'iv fluids', 'fluids given'],
  },
  { id: 'urine-output', title: 'Urine output', spoken: ['urine output'] },
  {
    id: 'condition',
    title: 'Condition',
    spoken: ['condition', 'condition on discharge', 'discharge condition'],
  },
  // Disposition: the only sourced code is the *procedure* disposition section; a dictated note's
  // disposition (home, ward) is wider, so it carries none.
  { id: 'disposition', title: 'Disposition', spoken: ['disposition'] },

  // Hospital stay.
  {
    id: 'hospital-course',
    title: 'Hospital course',
    spoken: ['hospital course', 'brief hospital course', 'course in the hospital', 'clinical course'],
    code: loinc('8648-8', 'Hospital course Narrative'), // [VS][SD]
  },
  {
    id: 'admission-diagnosis',
    title: 'Admission diagnosis',
    spoken: ['admission diagnosis', 'admission diagnoses', 'admitting diagnosis', 'admitting diagnoses'],
    code: loinc('46241-6', 'Hospital admission diagnosis Narrative - Reported'), // [VS][SD]
    lists: true,
  },
  {
    id: 'discharge-diagnosis',
    title: 'Discharge diagnosis',
    spoken: ['discharge diagnosis', 'discharge diagnoses'],
    code: loinc('11535-2', 'Hospital discharge Dx Narrative'), // [VS][SD]
    lists: true,
  },
  {
    id: 'discharge-medications',
    title: 'Discharge medications',
    spoken: ['discharge medications', 'medications on discharge', 'discharge meds'],
    code: loinc('10183-2', 'Hospital discharge medications Narrative'), // [VS][SD]
    lists: true,
  },
  {
    id: 'discharge-instructions',
    title: 'Discharge instructions',
    spoken: ['discharge instructions'],
    code: loinc('8653-8', 'Hospital Discharge instructions'), // [VS][SD]
  },
  {
    id: 'instructions',
    title: 'Instructions',
    spoken: ['instructions', 'patient instructions'],
    code: loinc('69730-0', 'Instructions'), // [VS][SD]
  },
] satisfies HeadingSpec[]);
