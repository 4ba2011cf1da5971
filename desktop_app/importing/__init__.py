"""Reading spreadsheets from the field: tables, columns, values, dates, and the rows of
member lists and registration exports. Nothing here touches the database."""
