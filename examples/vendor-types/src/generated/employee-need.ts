/* Generated from schemas/employee-need.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * What is known of an employee’s development need, for method recommendation.
 */
export interface EmployeeNeed {
  /**
   * The year the development is for.
   */
  year: number;
  employeeKind?: "PNS" | "PPPK" | "TKK";
  gapLevel?: "rendah" | "sedang" | "tinggi";
  performancePredicate?: "sangat_baik" | "baik" | "butuh_perbaikan" | "kurang" | "sangat_kurang";
  cannotLeaveWorkplace?: boolean;
  competencyType?: "teknis" | "manajerial" | "sosial_kultural";
  budgetAvailable?: number;
  /**
   * JP still missing this year.
   */
  missingJp?: number;
}
