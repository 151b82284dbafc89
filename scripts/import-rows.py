#!/usr/bin/env python3
"""Writes an import file of ROWS persons (default 100,000) in the exact layout of
`resettle import cases`: families of four (a principal applicant, a spouse, two
children), so ROWS/4 cases. Used to measure the import (docs/performance.md):

    scripts/import-rows.py 100000 > /tmp/rows.csv
"""
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
print("case_number,country_of_asylum,nationality,categories,priority,channel,"
      "submitted_on,member_no,relationship,full_name,date_of_birth,sex,languages,"
      "education,occupation,linked_cases")
members = [
    ("principal_applicant", "Amal", "1985-04-01", "female", "secondary", "teacher"),
    ("spouse", "Karim", "1983-02-11", "male", "primary", "farmer"),
    ("child", "Omar", "2014-09-12", "male", "", ""),
    ("child", "Lina", "2017-06-30", "female", "", ""),
]
for n in range(rows):
    case, member = divmod(n, len(members))
    relationship, given, born, sex, education, occupation = members[member]
    print(f"PRF-26C{case:05d},LB,SY,legal_physical_protection,normal,dossier,2026-03-02,"
          f"{member + 1},{relationship},{given} Haddad {case},{born},{sex},ar,"
          f"{education},{occupation},")
