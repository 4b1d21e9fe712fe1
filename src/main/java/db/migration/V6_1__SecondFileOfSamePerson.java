package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the unique constraint on {@code student.national_id}: a graduate admitted again for a
 * higher degree has the same national ID and a new student number, and holds a second file. In Java
 * because V1 declared the constraint inline, so its name differs between H2 and PostgreSQL; both
 * answer the standard information schema.
 */
public class V6_1__SecondFileOfSamePerson extends BaseJavaMigration {

  private static final String UNIQUE_ON_NATIONAL_ID =
      """
      select tc.constraint_name from information_schema.table_constraints tc
      join information_schema.key_column_usage k
        on k.constraint_name = tc.constraint_name and k.table_name = tc.table_name
      where lower(tc.table_name) = 'student' and tc.constraint_type = 'UNIQUE' and lower(k.column_name) = 'national_id'
      """;

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    List<String> names = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(UNIQUE_ON_NATIONAL_ID);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    try (Statement statement = connection.createStatement()) {
      for (String name : names) {
        statement.execute("alter table student drop constraint \"" + name + "\"");
      }
    }
  }
}
