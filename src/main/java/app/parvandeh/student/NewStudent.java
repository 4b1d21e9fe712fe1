package app.parvandeh.student;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What admission knows of a new student; numbers may be typed with Persian or Arabic digits. */
public record NewStudent(
    @NotBlank @Size(max = 20) String studentNumber,
    @NotBlank @Size(max = 20) String nationalId,
    @NotBlank @Size(max = 100) String firstName,
    @NotBlank @Size(max = 100) String lastName,
    @NotBlank String facultyCode,
    @NotNull Degree degree,
    @Min(1300) @Max(1500) int entryYear,
    @NotNull AdmissionType admissionType,
    boolean brilliantTalent) {}
