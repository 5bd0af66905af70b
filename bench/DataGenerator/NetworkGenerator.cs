using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Pages.Cases;
using TrainingNetwork.Web.Pages.Coordination;
using TrainingNetwork.Web.Security;

namespace DataGenerator;

/// <summary>
/// Builds a network of <see cref="NetworkSize"/> from one seeded <see cref="Random"/>: the same seed and date give the same
/// rows, ids included. Dates are relative to <c>today</c> so that readiness and "last 2 years" views see recent evidence.
/// </summary>
internal sealed class NetworkGenerator(NetworkSize size, int seed, DateOnly today, IReadOnlyDictionary<string, Regulator> stateRegulators)
{
    public const string EmailDomain = "bench.trainingnetwork.test";

    private const string SodiumIodide = "Sodium iodide I-131 (oral)";

    // How often centers offer an agent, relative to one another; agents not named here weigh 1.
    private static readonly Dictionary<string, double> AgentWeights = new()
    {
        ["Lu-177 dotatate (Lutathera)"] = 8,
        ["Lu-177 vipivotide tetraxetan (Pluvicto)"] = 8,
        [SodiumIodide] = 7,
        ["Ra-223 dichloride (Xofigo)"] = 5,
        ["Y-90 microspheres (TheraSphere glass, SIR-Spheres resin)"] = 4,
    };

    private static readonly string[] CenterKinds =
    [
        "Regional Medical Center", "University Hospital", "Cancer Institute", "Memorial Hospital", "Medical Center",
        "Community Hospital", "Health Sciences Center", "Oncology Center", "VA Medical Center", "Methodist Hospital",
        "St. Luke's Hospital", "Mercy Medical Center", "Presbyterian Hospital", "Baptist Medical Center", "Cancer Center",
    ];

    private static readonly string[] Streets = ["Main St", "Hospital Dr", "University Ave", "Medical Center Blvd", "Park Ave", "Oak St", "Health Way"];

    private static readonly string[] FirstNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Priya", "Wei", "Ahmed", "Fatima",
        "Carlos", "Sofia", "Kenji", "Yuki", "Olusegun", "Amara", "Dmitri", "Elena", "Rahul", "Ananya", "Miguel", "Lucia",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Patel", "Nguyen",
        "Kim", "Chen", "Singh", "Okafor", "Ivanova", "Tanaka", "Cohen", "Schmidt", "Rossi", "Haddad", "Kowalski", "Mensah",
    ];

    private static readonly string[] Specialties = ["Radiation oncology", "Nuclear medicine", "Diagnostic radiology", "Medical oncology", "Endocrinology"];

    private static readonly string[] ClassroomProviders =
    [
        "TrainingNetwork RPT didactic course", "SNMMI radiopharmaceutical therapy course", "University continuing education: radiation safety",
        "ASTRO RPT training program", "Hospital radiation safety office",
    ];

    private static readonly string[] CaseNotes =
    [
        "Uncomplicated administration; patient released under 35.75.", "Infusion paused briefly for line check, then completed.",
        "Pre-treatment survey and dose calibrator check observed.", "Trainee performed the assay and the post-administration survey.",
    ];

    private static readonly string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private readonly Random _random = new(seed);
    private readonly GeneratedNetwork _network = new();
    private readonly DateTimeOffset _startOfToday = new(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public GeneratedNetwork Generate()
    {
        var staff = new[] { AddUser("staff1", "Bench Staff One", Roles.Staff), AddUser("staff2", "Bench Staff Two", Roles.Staff) };
        var centers = Enumerable.Range(1, size.Centers).Select(AddCenter).ToList();
        AddCoordinators(centers);
        AddPreceptors(centers, staff);
        var trainees = Enumerable.Range(1, size.Physicians).Select(n => AddPhysician(n, centers)).ToList();
        SetCapacities(centers);
        AddClassroom(trainees);
        AddCases(trainees);
        return _network;
    }

    private sealed class GeneratedCenter(CenterRow row, List<Radiopharmaceutical> agents, int monthlyCases)
    {
        public CenterRow Row { get; set; } = row;
        public List<Radiopharmaceutical> Agents { get; } = agents;
        public int MonthlyCases { get; } = monthlyCases;
        public List<string> Preceptors { get; } = [];
        public int Accepted { get; set; }
    }

    private sealed record GeneratedTrainee(TraineeRow Row, GeneratedCenter? Center, PlacementStatus? Status, DateOnly? StartsOn);

    private string AddUser(string localPart, string fullName, string role)
    {
        var email = $"{localPart}@{EmailDomain}";
        var user = new UserRow(NextGuid().ToString(), email, fullName, SecurityStamp(), NextGuid().ToString());
        _network.Users.Add(user);
        _network.UserRoles.Add(new UserRoleRow(user.Id, role));
        return user.Id;
    }

    private GeneratedCenter AddCenter(int n)
    {
        var state = PickState();
        var city = Pick(state.Cities);
        var name = $"{city} {CenterKinds[(n - 1) % CenterKinds.Length]} {n}";
        var regulator = stateRegulators.TryGetValue(state.Code, out var stateRegulator)
            ? stateRegulator
            : throw new InvalidOperationException($"No jurisdiction rule for {state.Code}.");
        // A federal facility (a VA hospital) in an Agreement State still holds an NRC license.
        if (regulator == Regulator.AgreementState && _random.NextDouble() < 0.05)
        {
            regulator = Regulator.Nrc;
        }

        var license = regulator == Regulator.AgreementState
            ? $"{state.Code}-{_random.Next(100_000, 1_000_000)}"
            : $"{_random.Next(10, 55)}-{_random.Next(10_000, 100_000)}-{_random.Next(1, 100):00}";
        var row = new CenterRow(
            NextGuid(), name, $"{_random.Next(100, 9_999)} {Pick(Streets)}", city, state.Code, regulator.ToString(), $"{name} Health System",
            license, TraineeSlots: 0, MaxTraineesPerAdministration: _random.NextDouble() < 0.2 ? 2 : 1);

        var agents = PickAgents(_random.Next(2, 5));
        var monthlyCases = 0;
        foreach (var agent in agents)
        {
            var capacity = _random.Next(2, 13);
            monthlyCases += capacity;
            _network.Therapies.Add(new TherapyRow(NextGuid(), row.Id, agent.Name, capacity));
            if (agent.Name == SodiumIodide)
            {
                // Oral sodium iodide is what (G)(1) and (G)(2) are about.
                _network.Capacities.Add(new CapacityRow(NextGuid(), row.Id, "G1", _random.Next(1, 4), capacity));
                _network.Capacities.Add(new CapacityRow(NextGuid(), row.Id, "G2", _random.Next(1, 4), capacity));
            }
        }

        return new GeneratedCenter(row, agents, monthlyCases);
    }

    private void AddCoordinators(List<GeneratedCenter> centers)
    {
        for (var c = 0; c < centers.Count; c++)
        {
            var userId = AddUser($"coordinator{c + 1}", $"{PersonName()} (coordinator)", Roles.CenterCoordinator);
            _network.Memberships.Add(new MembershipRow(NextGuid(), centers[c].Row.Id, userId, nameof(CenterRole.CenterCoordinator), false));
        }
    }

    /// <summary>Every center has at least half its share of preceptors; the rest go to centers at random, so rosters vary.</summary>
    private void AddPreceptors(List<GeneratedCenter> centers, string[] staff)
    {
        var floor = Math.Max(1, size.Preceptors / size.Centers / 2);
        var homes = centers.SelectMany(center => Enumerable.Repeat(center, floor)).ToList();
        while (homes.Count < size.Preceptors)
        {
            homes.Add(Pick(centers));
        }

        for (var p = 0; p < homes.Count; p++)
        {
            var center = homes[p];
            var userId = AddUser($"preceptor{p + 1}", $"Dr. {PersonName()}", Roles.Preceptor);
            // One center in four has a residency program, directed by its first preceptor.
            var director = center.Preceptors.Count == 0 && _random.NextDouble() < 0.25;
            center.Preceptors.Add(userId);
            _network.Memberships.Add(new MembershipRow(NextGuid(), center.Row.Id, userId, nameof(CenterRole.Preceptor), director));

            var firstCheck = _startOfToday.AddDays(-_random.Next(30, 900)).AddHours(_random.Next(9, 17));
            var agreementState = center.Row.Regulator == nameof(Regulator.AgreementState);
            _network.Authorizations.Add(new AuthorizationRow(
                NextGuid(), userId, center.Row.LicenseNumber, center.Row.Regulator, agreementState ? center.Row.State : null,
                today.AddDays(-_random.Next(2 * 365, 25 * 365)), staff[0], firstCheck, staff[1], firstCheck.AddHours(_random.Next(1, 72))));
        }
    }

    /// <summary>Most physicians train at a center in their own state; most are accepted or done, some wait.</summary>
    private GeneratedTrainee AddPhysician(int n, List<GeneratedCenter> centers)
    {
        var userId = AddUser($"physician{n}", $"Dr. {PersonName()}", Roles.Trainee);
        var status = PickPlacementStatus();
        var center = Pick(centers);
        // A center accepts no more physicians than it has slots; the others look elsewhere.
        while (status == PlacementStatus.Accepted && center.Accepted == Center.MaxTraineeSlots)
        {
            center = Pick(centers);
        }

        var practiceState = _random.NextDouble() < 0.85 ? center.Row.State : PickState().Code;
        var pathway = _random.NextDouble() < 0.9 ? Pathway.Section396 : Pathway.Section390;
        var trainee = new TraineeRow(
            NextGuid(), userId, Pick(Specialties), practiceState, pathway.ToString(), [.. TraineeProfile.DefaultCategories(pathway)]);
        _network.Trainees.Add(trainee);

        if (status is not { } placed)
        {
            return new GeneratedTrainee(trainee, null, null, null);
        }

        if (placed == PlacementStatus.Accepted)
        {
            center.Accepted++;
        }

        DateOnly? startsOn = placed switch
        {
            PlacementStatus.Completed => today.AddDays(-_random.Next(400, 730)),
            PlacementStatus.Accepted => today.AddDays(-_random.Next(30, 540)),
            _ => null,
        };
        var preferredStart = startsOn ?? today.AddDays(_random.Next(14, 180));
        var requestedAt = new DateTimeOffset((startsOn ?? today).ToDateTime(new TimeOnly(_random.Next(8, 20), 0)), TimeSpan.Zero)
            .AddDays(-_random.Next(startsOn is null ? 1 : 30, startsOn is null ? 60 : 120));
        _network.Placements.Add(new PlacementRow(NextGuid(), trainee.Id, center.Row.Id, preferredStart, requestedAt, placed.ToString(), startsOn));
        return new GeneratedTrainee(trainee, center, placed, startsOn);
    }

    private PlacementStatus? PickPlacementStatus() => _random.NextDouble() switch
    {
        < 0.55 => PlacementStatus.Accepted,
        < 0.75 => PlacementStatus.Completed,
        < 0.85 => PlacementStatus.Requested,
        < 0.95 => PlacementStatus.Waitlisted,
        _ => null,
    };

    /// <summary>A center's G3 slots hold the physicians it accepted, with a few to spare at some centers.</summary>
    private void SetCapacities(List<GeneratedCenter> centers)
    {
        foreach (var center in centers)
        {
            var slots = Math.Min(Center.MaxTraineeSlots, center.Accepted + _random.Next(0, 4));
            center.Row = center.Row with { TraineeSlots = slots };
            _network.Centers.Add(center.Row);
            _network.Capacities.Add(new CapacityRow(
                NextGuid(), center.Row.Id, "G3", slots, Math.Min(CategoryCapacity.MaxPreceptorCasesPerMonth, center.MonthlyCases)));
        }
    }

    /// <summary>
    /// Each physician gets an equal share of the entries, one topic after another. Physicians with a placement finished the
    /// 80 hours (35.396) or 200 hours (35.390) before starting; those without one are still in class.
    /// </summary>
    private void AddClassroom(List<GeneratedTrainee> trainees)
    {
        var topics = Enum.GetValues<ClassroomTopic>();
        var perPhysician = size.ClassroomEntries / size.Physicians;
        foreach (var trainee in trainees)
        {
            var hoursPerTopic = trainee.Row.Pathway == nameof(Pathway.Section390) ? 200m / topics.Length : 80m / topics.Length;
            var finishedBy = trainee.StartsOn ?? today;
            for (var e = 0; e < perPhysician; e++)
            {
                var hours = trainee.Status is null
                    ? _random.Next(4, 13)
                    : (hoursPerTopic * topics.Length / perPhysician) + _random.Next(0, 5);
                _network.Classroom.Add(new ClassroomRow(
                    NextGuid(), trainee.Row.Id, topics[e % topics.Length].ToString(), hours, finishedBy.AddDays(-_random.Next(14, 400)),
                    Pick(ClassroomProviders)));
            }
        }
    }

    /// <summary>
    /// Cases go to physicians training at a center (those who completed twice as many), under one of its preceptors, with
    /// one of its agents. A completed placement's cases are all approved; an open one's are in every state of review.
    /// </summary>
    private void AddCases(List<GeneratedTrainee> trainees)
    {
        var logging = trainees.Where(t => t.Status == PlacementStatus.Accepted)
            .Concat(trainees.Where(t => t.Status == PlacementStatus.Completed).SelectMany(t => new[] { t, t }))
            .ToList();
        for (var i = 0; i < size.Cases; i++)
        {
            var trainee = Pick(logging);
            var center = trainee.Center!;
            var agent = Pick(center.Agents);
            // A completed placement lasted about a year; an open one runs until yesterday.
            var trainedUntil = trainee.Status == PlacementStatus.Completed ? trainee.StartsOn!.Value.AddDays(365) : today;
            var daysTraining = Math.Min(today.DayNumber, trainedUntil.DayNumber) - trainee.StartsOn!.Value.DayNumber;
            var administeredOn = trainee.StartsOn.Value.AddDays(_random.Next(0, daysTraining));
            var status = trainee.Status == PlacementStatus.Completed ? CaseStatus.Approved : PickCaseStatus();

            var createdAt = Before(new DateTimeOffset(administeredOn.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero).AddHours(_random.Next(0, 72)));
            DateTimeOffset? submittedAt = status == CaseStatus.Draft ? null : Before(createdAt.AddHours(_random.Next(0, 48)));
            DateTimeOffset? reviewedAt = status is CaseStatus.Approved or CaseStatus.Returned ? Before(submittedAt!.Value.AddHours(_random.Next(1, 168))) : null;
            // Logged, then submitted, then reviewed: each step bumps the version (SupervisedCase.Record).
            var version = status switch
            {
                CaseStatus.Draft => 1,
                CaseStatus.Submitted => 2,
                _ => 3,
            };
            _network.Cases.Add(new CaseRow(
                NextGuid(), trainee.Row.Id, center.Row.Id, Pick(center.Preceptors), administeredOn, agent.Name, CaseInput.NuclideOf(agent),
                agent.UsualRoute.ToString(), ActivityOf(agent), PersonalParticipation: _random.NextDouble() < 0.95, PatientToken(),
                _random.NextDouble() < 0.15 ? Pick(CaseNotes) : null, status.ToString(), createdAt, submittedAt, reviewedAt,
                status == CaseStatus.Returned ? "Please add the written directive reference and the post-administration survey reading." : null,
                version));
        }
    }

    private CaseStatus PickCaseStatus() => _random.NextDouble() switch
    {
        < 0.65 => CaseStatus.Approved,
        < 0.80 => CaseStatus.Submitted,
        < 0.92 => CaseStatus.Draft,
        _ => CaseStatus.Returned,
    };

    /// <summary>Typical administered activities (MBq), per package insert or common practice.</summary>
    private decimal ActivityOf(Radiopharmaceutical agent)
    {
        var mbq = agent.Name switch
        {
            // Hyperthyroidism below the (G)(1) limit, or remnant ablation and cancer treatment above it.
            SodiumIodide => _random.NextDouble() < 0.4 ? Between(370, 1_110) : Between(1_850, 7_400),
            "Lu-177 dotatate (Lutathera)" or "Lu-177 vipivotide tetraxetan (Pluvicto)" => Between(7_030, 7_770),
            "Ra-223 dichloride (Xofigo)" => Between(3.3, 5.5),
            "I-131 iobenguane (Azedra)" => Between(14_800, 18_500),
            "Sm-153 lexidronam (Quadramet)" => Between(2_200, 3_700),
            "Sr-89 chloride (Metastron)" => Between(140, 150),
            "Y-90 ibritumomab tiuxetan (Zevalin)" => Between(800, 1_184),
            _ when agent.Nuclide == "Ac-225" => Between(6, 10),
            _ when agent.Nuclide == "Pb-212" => Between(150, 250),
            _ => Between(1_000, 5_000),
        };
        return Math.Round((decimal)mbq, mbq < 100 ? 3 : 1);
    }

    private double Between(double low, double high) => low + (_random.NextDouble() * (high - low));

    private DateTimeOffset Before(DateTimeOffset at) => at < _startOfToday ? at : _startOfToday.AddMinutes(-_random.Next(1, 600));

    private List<Radiopharmaceutical> PickAgents(int count)
    {
        var remaining = TherapyCategories.Offerable.ToList();
        var chosen = new List<Radiopharmaceutical>();
        while (chosen.Count < count && remaining.Count > 0)
        {
            var agent = PickWeighted(remaining, a => AgentWeights.GetValueOrDefault(a.Name, 1));
            remaining.Remove(agent);
            chosen.Add(agent);
        }

        return chosen;
    }

    private StateProfile PickState() => PickWeighted(States.All, s => s.PopulationMillions);

    private T PickWeighted<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var target = _random.NextDouble() * items.Sum(weight);
        foreach (var item in items)
        {
            target -= weight(item);
            if (target < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string PersonName() => $"{Pick(FirstNames)} {Pick(LastNames)}";

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>What Identity's NewSecurityStamp makes (20 bytes in Base32), drawn from the seeded generator.</summary>
    private string SecurityStamp() => string.Create(32, _random, (chars, random) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Base32[random.Next(Base32.Length)];
        }
    });

    private string PatientToken()
    {
        Span<byte> bytes = stackalloc byte[32];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
