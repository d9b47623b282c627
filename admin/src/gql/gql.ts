/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        name\n        email\n        role\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation ConsoleSignOutEverywhere {\n    signOutEverywhere\n  }\n": typeof types.ConsoleSignOutEverywhereDocument,
    "\n  mutation ConsoleSetArticleTopics($id: ID!, $topicIds: [ID!]!) {\n    setArticleTopics(id: $id, topicIds: $topicIds) {\n      id\n      topics {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ConsoleSetArticleTopicsDocument,
    "\n  mutation ConsoleUploadMedia($file: File!, $description: String) {\n    uploadMedia(file: $file, description: $description) {\n      ...ConsoleMedia\n    }\n  }\n": typeof types.ConsoleUploadMediaDocument,
    "\n  fragment ConsoleMedia on Media {\n    id\n    kind\n    url\n    fileName\n    contentType\n    size\n    width\n    height\n    description\n    external\n    embedUrl\n  }\n": typeof types.ConsoleMediaFragmentDoc,
    "\n  mutation ConsoleAddExternalVideo($url: String!, $description: String) {\n    addExternalVideo(url: $url, description: $description) {\n      ...ConsoleMedia\n    }\n  }\n": typeof types.ConsoleAddExternalVideoDocument,
    "\n  mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.ConsoleChangePasswordDocument,
    "\n  query ConsoleApprovalQueue($first: Int!, $after: String) {\n    articles(first: $first, after: $after, filter: { approvalStatus: PENDING }, orderBy: { field: UPDATED_AT, direction: ASC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          version\n          updatedAt\n          byline\n          category {\n            id\n            name\n          }\n          updatedBy {\n            id\n            name\n          }\n          versions(first: 1) {\n            edges {\n              node {\n                label\n                comment\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleApprovalQueueDocument,
    "\n  mutation ConsoleApproveArticle($id: ID!, $comment: String) {\n    approveArticle(id: $id, comment: $comment) {\n      id\n      title\n      approvalStatus\n      version\n      publishedAt\n    }\n  }\n": typeof types.ConsoleApproveArticleDocument,
    "\n  mutation ConsoleRejectArticle($id: ID!, $comment: String!) {\n    rejectArticle(id: $id, comment: $comment) {\n      id\n      title\n      approvalStatus\n      version\n    }\n  }\n": typeof types.ConsoleRejectArticleDocument,
    "\n  query ConsoleArticles($filter: ArticleFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    articles(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          approvalStatus\n          version\n          featured\n          articleType\n          updatedAt\n          publishedAt\n          viewCount\n          byline\n          category {\n            id\n            name\n          }\n          createdBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleArticlesDocument,
    "\n  query ConsoleAuthors($search: String, $first: Int!) {\n    users(first: $first, filter: { search: $search }) {\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ConsoleAuthorsDocument,
    "\n  query ConsoleCategoryTree {\n    categories {\n      id\n      name\n      slug\n      description\n      position\n      articleCount\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.ConsoleCategoryTreeDocument,
    "\n  mutation ConsoleCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.ConsoleCreateCategoryDocument,
    "\n  mutation ConsoleUpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) {\n      id\n      name\n      slug\n      description\n    }\n  }\n": typeof types.ConsoleUpdateCategoryDocument,
    "\n  mutation ConsoleMoveCategory($input: MoveCategoryInput!) {\n    moveCategory(input: $input) {\n      id\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.ConsoleMoveCategoryDocument,
    "\n  mutation ConsoleReorderCategories($parentId: ID, $ids: [ID!]!) {\n    reorderCategories(parentId: $parentId, ids: $ids) {\n      id\n      position\n    }\n  }\n": typeof types.ConsoleReorderCategoriesDocument,
    "\n  mutation ConsoleDeleteCategory($id: ID!) {\n    deleteCategory(id: $id) {\n      id\n    }\n  }\n": typeof types.ConsoleDeleteCategoryDocument,
    "\n  mutation ConsoleCreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      ...ConsoleArticleFields\n      ...ConsoleArticleApprovals\n    }\n  }\n": typeof types.ConsoleCreateArticleDocument,
    "\n  mutation ConsoleUpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      ...ConsoleArticleFields\n      ...ConsoleArticleApprovals\n    }\n  }\n": typeof types.ConsoleUpdateArticleDocument,
    "\n  mutation ConsoleSubmitArticle($id: ID!, $comment: String) {\n    submitArticle(id: $id, comment: $comment) {\n      ...ConsoleArticleFields\n      ...ConsoleArticleApprovals\n    }\n  }\n": typeof types.ConsoleSubmitArticleDocument,
    "\n  query ConsoleHistory($id: ID!) {\n    node(id: $id) {\n      ... on Article {\n        id\n        title\n        version\n        approvalStatus\n        createdBy {\n          id\n        }\n        versions(first: 50) {\n          totalCount\n          edges {\n            node {\n              label\n              isMajor\n              approvalStatus\n              comment\n              createdAt\n              createdBy {\n                id\n                name\n              }\n              changedFields\n              title\n              summary\n              body\n              alternateUrl\n              publishAt\n              expireAt\n              featured\n              byline\n              articleType\n              pageCount\n              photoCount\n              category {\n                id\n                name\n              }\n              coverImage {\n                id\n                fileName\n                url\n              }\n            }\n          }\n        }\n        approvals {\n          decision\n          comment\n          decidedAt\n          version\n          decidedBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleHistoryDocument,
    "\n  mutation ConsoleRestoreVersion($id: ID!, $version: String!) {\n    restoreArticleVersion(id: $id, version: $version) {\n      id\n      version\n    }\n  }\n": typeof types.ConsoleRestoreVersionDocument,
    "\n  query ConsolePermissions($id: ID!) {\n    node(id: $id) {\n      ... on Article {\n        id\n        title\n        inheritsPermissions\n        permissions {\n          public\n          grants {\n            role\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsolePermissionsDocument,
    "\n  mutation ConsoleSetPermissions($input: SetArticlePermissionsInput!) {\n    setArticlePermissions(input: $input) {\n      id\n      inheritsPermissions\n      permissions {\n        public\n        grants {\n          role\n          user {\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleSetPermissionsDocument,
    "\n  query ConsoleRoyaltyReport($month: String!, $byline: String, $categoryId: ID) {\n    royaltyReport(month: $month, byline: $byline, categoryId: $categoryId) {\n      month\n      articleCount\n      points\n      amount\n      unpricedCount\n      csvUrl\n      xlsxUrl\n      rows {\n        ...ConsoleRoyaltyRow\n      }\n      unpriced {\n        ...ConsoleRoyaltyRow\n      }\n      bylines {\n        byline\n        articleCount\n        points\n        amount\n        unpricedCount\n      }\n    }\n  }\n": typeof types.ConsoleRoyaltyReportDocument,
    "\n  fragment ConsoleRoyaltyRow on RoyaltyRow {\n    articleId\n    title\n    byline\n    categoryName\n    firstPublishedAt\n    genre\n    pages\n    photos\n    genrePoints\n    pagePoints\n    photoPoints\n    points\n    amount\n    unpricedReason\n  }\n": typeof types.ConsoleRoyaltyRowFragmentDoc,
    "\n  query ConsoleRoyaltyScales {\n    royaltyScales {\n      id\n      validFrom\n      inForce\n      note\n      pointValue\n      photoPoints\n      extraPagePoints\n      genres {\n        genre\n        points\n      }\n    }\n  }\n": typeof types.ConsoleRoyaltyScalesDocument,
    "\n  mutation ConsoleSetRoyaltyScale($input: SetRoyaltyScaleInput!) {\n    setRoyaltyScale(input: $input) {\n      id\n      validFrom\n    }\n  }\n": typeof types.ConsoleSetRoyaltyScaleDocument,
    "\n  mutation ConsoleDeleteRoyaltyScale($id: ID!) {\n    deleteRoyaltyScale(id: $id)\n  }\n": typeof types.ConsoleDeleteRoyaltyScaleDocument,
    "\n  query ConsoleSite {\n    site {\n      name\n      responsiblePerson\n      address\n      phone\n      fax\n      email\n    }\n  }\n": typeof types.ConsoleSiteDocument,
    "\n  mutation ConsoleUpdateSite($input: UpdateSiteInput!) {\n    updateSite(input: $input) {\n      name\n      responsiblePerson\n      address\n      phone\n      fax\n      email\n    }\n  }\n": typeof types.ConsoleUpdateSiteDocument,
    "\n  query ConsoleStatistics($from: Date!, $to: Date!) {\n    site {\n      statistics {\n        online\n        totalVisits\n        today\n        yesterday\n        thisWeek\n        thisMonth\n        daily(from: $from, to: $to) {\n          date\n          visits\n          uniqueVisitors\n          articleViews\n        }\n        topArticles(first: 10, from: $from, to: $to) {\n          views\n          article {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleStatisticsDocument,
    "\n  subscription ConsoleSiteVisitCounts {\n    siteVisitCounts {\n      online\n      today\n      totalVisits\n    }\n  }\n": typeof types.ConsoleSiteVisitCountsDocument,
    "\n  query ConsoleTopics($search: String, $first: Int, $after: String, $last: Int, $before: String) {\n    topics(search: $search, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          articleCount\n        }\n      }\n    }\n  }\n": typeof types.ConsoleTopicsDocument,
    "\n  mutation ConsoleCreateTopic($input: CreateTopicInput!) {\n    createTopic(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.ConsoleCreateTopicDocument,
    "\n  mutation ConsoleUpdateTopic($input: UpdateTopicInput!) {\n    updateTopic(input: $input) {\n      id\n      name\n      slug\n      description\n    }\n  }\n": typeof types.ConsoleUpdateTopicDocument,
    "\n  mutation ConsoleDeleteTopic($id: ID!) {\n    deleteTopic(id: $id) {\n      id\n    }\n  }\n": typeof types.ConsoleDeleteTopicDocument,
    "\n  query ConsoleUsers($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...ConsoleUser\n        }\n      }\n    }\n  }\n": typeof types.ConsoleUsersDocument,
    "\n  fragment ConsoleUser on User {\n    id\n    name\n    email\n    role\n    active\n    createdAt\n    deactivatedAt\n  }\n": typeof types.ConsoleUserFragmentDoc,
    "\n  mutation ConsoleCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...ConsoleUser\n    }\n  }\n": typeof types.ConsoleCreateUserDocument,
    "\n  mutation ConsoleChangeUserRole($id: ID!, $role: Role!) {\n    changeUserRole(id: $id, role: $role) {\n      ...ConsoleUser\n    }\n  }\n": typeof types.ConsoleChangeUserRoleDocument,
    "\n  mutation ConsoleDeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...ConsoleUser\n    }\n  }\n": typeof types.ConsoleDeactivateUserDocument,
    "\n  mutation ConsoleReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...ConsoleUser\n    }\n  }\n": typeof types.ConsoleReactivateUserDocument,
    "\n  mutation ConsoleResetUserPassword($id: ID!) {\n    resetUserPassword(id: $id) {\n      password\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ConsoleResetUserPasswordDocument,
    "\n  query ConsoleArticleForEdit($id: ID!) {\n    node(id: $id) {\n      ... on Article {\n        ...ConsoleArticleFields\n        ...ConsoleArticleApprovals\n      }\n    }\n  }\n": typeof types.ConsoleArticleForEditDocument,
    "\n  query ConsoleArticleView($id: ID!) {\n    node(id: $id) {\n      ... on Article {\n        ...ConsoleArticleFields\n      }\n    }\n  }\n": typeof types.ConsoleArticleViewDocument,
    "\n  fragment ConsoleArticleApprovals on Article {\n    approvals {\n      decision\n      comment\n      decidedAt\n      version\n      decidedBy {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ConsoleArticleApprovalsFragmentDoc,
    "\n  fragment ConsoleArticleFields on Article {\n    id\n    slug\n    title\n    summary\n    body\n    alternateUrl\n    publishAt\n    expireAt\n    publishedAt\n    featured\n    byline\n    articleType\n    pageCount\n    photoCount\n    approvalStatus\n    version\n    viewCount\n    inheritsPermissions\n    createdAt\n    updatedAt\n    createdBy {\n      id\n      name\n    }\n    updatedBy {\n      id\n      name\n    }\n    category {\n      id\n      name\n    }\n    coverImage {\n      ...ConsoleMedia\n    }\n    gallery {\n      ...ConsoleMedia\n    }\n    attachments {\n      ...ConsoleMedia\n    }\n    topics {\n      id\n      name\n    }\n  }\n": typeof types.ConsoleArticleFieldsFragmentDoc,
    "\n  query ConsoleCompare($id: ID!, $from: String!, $to: String!) {\n    node(id: $id) {\n      ... on Article {\n        id\n        compareVersions(from: $from, to: $to) {\n          field\n          before\n          after\n        }\n      }\n    }\n  }\n": typeof types.ConsoleCompareDocument,
    "\n  query ConsoleCategories {\n    categories {\n      id\n      name\n      slug\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.ConsoleCategoriesDocument,
};
const documents: Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        name\n        email\n        role\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n": types.MeDocument,
    "\n  mutation ConsoleSignOutEverywhere {\n    signOutEverywhere\n  }\n": types.ConsoleSignOutEverywhereDocument,
    "\n  mutation ConsoleSetArticleTopics($id: ID!, $topicIds: [ID!]!) {\n    setArticleTopics(id: $id, topicIds: $topicIds) {\n      id\n      topics {\n        id\n        name\n      }\n    }\n  }\n": types.ConsoleSetArticleTopicsDocument,
    "\n  mutation ConsoleUploadMedia($file: File!, $description: String) {\n    uploadMedia(file: $file, description: $description) {\n      ...ConsoleMedia\n    }\n  }\n": types.ConsoleUploadMediaDocument,
    "\n  fragment ConsoleMedia on Media {\n    id\n    kind\n    url\n    fileName\n    contentType\n    size\n    width\n    height\n    description\n    external\n    embedUrl\n  }\n": types.ConsoleMediaFragmentDoc,
    "\n  mutation ConsoleAddExternalVideo($url: String!, $description: String) {\n    addExternalVideo(url: $url, description: $description) {\n      ...ConsoleMedia\n    }\n  }\n": types.ConsoleAddExternalVideoDocument,
    "\n  mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      expiresAt\n    }\n  }\n": types.ConsoleChangePasswordDocument,
    "\n  query ConsoleApprovalQueue($first: Int!, $after: String) {\n    articles(first: $first, after: $after, filter: { approvalStatus: PENDING }, orderBy: { field: UPDATED_AT, direction: ASC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          version\n          updatedAt\n          byline\n          category {\n            id\n            name\n          }\n          updatedBy {\n            id\n            name\n          }\n          versions(first: 1) {\n            edges {\n              node {\n                label\n                comment\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleApprovalQueueDocument,
    "\n  mutation ConsoleApproveArticle($id: ID!, $comment: String) {\n    approveArticle(id: $id, comment: $comment) {\n      id\n      title\n      approvalStatus\n      version\n      publishedAt\n    }\n  }\n": types.ConsoleApproveArticleDocument,
    "\n  mutation ConsoleRejectArticle($id: ID!, $comment: String!) {\n    rejectArticle(id: $id, comment: $comment) {\n      id\n      title\n      approvalStatus\n      version\n    }\n  }\n": types.ConsoleRejectArticleDocument,
    "\n  query ConsoleArticles($filter: ArticleFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    articles(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          approvalStatus\n          version\n          featured\n          articleType\n          updatedAt\n          publishedAt\n          viewCount\n          byline\n          category {\n            id\n            name\n          }\n          createdBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleArticlesDocument,
    "\n  query ConsoleAuthors($search: String, $first: Int!) {\n    users(first: $first, filter: { search: $search }) {\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ConsoleAuthorsDocument,
    "\n  query ConsoleCategoryTree {\n    categories {\n      id\n      name\n      slug\n      description\n      position\n      articleCount\n      parent {\n        id\n      }\n    }\n  }\n": types.ConsoleCategoryTreeDocument,
    "\n  mutation ConsoleCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n      name\n    }\n  }\n": types.ConsoleCreateCategoryDocument,
    "\n  mutation ConsoleUpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) {\n      id\n      name\n      slug\n      description\n    }\n  }\n": types.ConsoleUpdateCategoryDocument,
    "\n  mutation ConsoleMoveCategory($input: MoveCategoryInput!) {\n    moveCategory(input: $input) {\n      id\n      parent {\n        id\n      }\n    }\n  }\n": types.ConsoleMoveCategoryDocument,
    "\n  mutation ConsoleReorderCategories($parentId: ID, $ids: [ID!]!) {\n    reorderCategories(parentId: $parentId, ids: $ids) {\n      id\n      position\n    }\n  }\n": types.ConsoleReorderCategoriesDocument,
    "\n  mutation ConsoleDeleteCategory($id: ID!) {\n    deleteCategory(id: $id) {\n      id\n    }\n  }\n": types.ConsoleDeleteCategoryDocument,
    "\n  mutation ConsoleCreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      ...ConsoleArticleFields\n      ...ConsoleArticleApprovals\n    }\n  }\n": types.ConsoleCreateArticleDocument,
    "\n  mutation ConsoleUpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      ...ConsoleArticleFields\n      ...ConsoleArticleApprovals\n    }\n  }\n": types.ConsoleUpdateArticleDocument,
    "\n  mutation ConsoleSubmitArticle($id: ID!, $comment: String) {\n    submitArticle(id: $id, comment: $comment) {\n      ...ConsoleArticleFields\n      ...ConsoleArticleApprovals\n    }\n  }\n": types.ConsoleSubmitArticleDocument,
    "\n  query ConsoleHistory($id: ID!) {\n    node(id: $id) {\n      ... on Article {\n        id\n        title\n        version\n        approvalStatus\n        createdBy {\n          id\n        }\n        versions(first: 50) {\n          totalCount\n          edges {\n            node {\n              label\n              isMajor\n              approvalStatus\n              comment\n              createdAt\n              createdBy {\n                id\n                name\n              }\n              changedFields\n              title\n              summary\n              body\n              alternateUrl\n              publishAt\n              expireAt\n              featured\n              byline\n              articleType\n              pageCount\n              photoCount\n              category {\n                id\n                name\n              }\n              coverImage {\n                id\n                fileName\n                url\n              }\n            }\n          }\n        }\n        approvals {\n          decision\n          comment\n          decidedAt\n          version\n          decidedBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleHistoryDocument,
    "\n  mutation ConsoleRestoreVersion($id: ID!, $version: String!) {\n    restoreArticleVersion(id: $id, version: $version) {\n      id\n      version\n    }\n  }\n": types.ConsoleRestoreVersionDocument,
    "\n  query ConsolePermissions($id: ID!) {\n    node(id: $id) {\n      ... on Article {\n        id\n        title\n        inheritsPermissions\n        permissions {\n          public\n          grants {\n            role\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ConsolePermissionsDocument,
    "\n  mutation ConsoleSetPermissions($input: SetArticlePermissionsInput!) {\n    setArticlePermissions(input: $input) {\n      id\n      inheritsPermissions\n      permissions {\n        public\n        grants {\n          role\n          user {\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleSetPermissionsDocument,
    "\n  query ConsoleRoyaltyReport($month: String!, $byline: String, $categoryId: ID) {\n    royaltyReport(month: $month, byline: $byline, categoryId: $categoryId) {\n      month\n      articleCount\n      points\n      amount\n      unpricedCount\n      csvUrl\n      xlsxUrl\n      rows {\n        ...ConsoleRoyaltyRow\n      }\n      unpriced {\n        ...ConsoleRoyaltyRow\n      }\n      bylines {\n        byline\n        articleCount\n        points\n        amount\n        unpricedCount\n      }\n    }\n  }\n": types.ConsoleRoyaltyReportDocument,
    "\n  fragment ConsoleRoyaltyRow on RoyaltyRow {\n    articleId\n    title\n    byline\n    categoryName\n    firstPublishedAt\n    genre\n    pages\n    photos\n    genrePoints\n    pagePoints\n    photoPoints\n    points\n    amount\n    unpricedReason\n  }\n": types.ConsoleRoyaltyRowFragmentDoc,
    "\n  query ConsoleRoyaltyScales {\n    royaltyScales {\n      id\n      validFrom\n      inForce\n      note\n      pointValue\n      photoPoints\n      extraPagePoints\n      genres {\n        genre\n        points\n      }\n    }\n  }\n": types.ConsoleRoyaltyScalesDocument,
    "\n  mutation ConsoleSetRoyaltyScale($input: SetRoyaltyScaleInput!) {\n    setRoyaltyScale(input: $input) {\n      id\n      validFrom\n    }\n  }\n": types.ConsoleSetRoyaltyScaleDocument,
    "\n  mutation ConsoleDeleteRoyaltyScale($id: ID!) {\n    deleteRoyaltyScale(id: $id)\n  }\n": types.ConsoleDeleteRoyaltyScaleDocument,
    "\n  query ConsoleSite {\n    site {\n      name\n      responsiblePerson\n      address\n      phone\n      fax\n      email\n    }\n  }\n": types.ConsoleSiteDocument,
    "\n  mutation ConsoleUpdateSite($input: UpdateSiteInput!) {\n    updateSite(input: $input) {\n      name\n      responsiblePerson\n      address\n      phone\n      fax\n      email\n    }\n  }\n": types.ConsoleUpdateSiteDocument,
    "\n  query ConsoleStatistics($from: Date!, $to: Date!) {\n    site {\n      statistics {\n        online\n        totalVisits\n        today\n        yesterday\n        thisWeek\n        thisMonth\n        daily(from: $from, to: $to) {\n          date\n          visits\n          uniqueVisitors\n          articleViews\n        }\n        topArticles(first: 10, from: $from, to: $to) {\n          views\n          article {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleStatisticsDocument,
    "\n  subscription ConsoleSiteVisitCounts {\n    siteVisitCounts {\n      online\n      today\n      totalVisits\n    }\n  }\n": types.ConsoleSiteVisitCountsDocument,
    "\n  query ConsoleTopics($search: String, $first: Int, $after: String, $last: Int, $before: String) {\n    topics(search: $search, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          articleCount\n        }\n      }\n    }\n  }\n": types.ConsoleTopicsDocument,
    "\n  mutation ConsoleCreateTopic($input: CreateTopicInput!) {\n    createTopic(input: $input) {\n      id\n      name\n    }\n  }\n": types.ConsoleCreateTopicDocument,
    "\n  mutation ConsoleUpdateTopic($input: UpdateTopicInput!) {\n    updateTopic(input: $input) {\n      id\n      name\n      slug\n      description\n    }\n  }\n": types.ConsoleUpdateTopicDocument,
    "\n  mutation ConsoleDeleteTopic($id: ID!) {\n    deleteTopic(id: $id) {\n      id\n    }\n  }\n": types.ConsoleDeleteTopicDocument,
    "\n  query ConsoleUsers($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...ConsoleUser\n        }\n      }\n    }\n  }\n": types.ConsoleUsersDocument,
    "\n  fragment ConsoleUser on User {\n    id\n    name\n    email\n    role\n    active\n    createdAt\n    deactivatedAt\n  }\n": types.ConsoleUserFragmentDoc,
    "\n  mutation ConsoleCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...ConsoleUser\n    }\n  }\n": types.ConsoleCreateUserDocument,
    "\n  mutation ConsoleChangeUserRole($id: ID!, $role: Role!) {\n    changeUserRole(id: $id, role: $role) {\n      ...ConsoleUser\n    }\n  }\n": types.ConsoleChangeUserRoleDocument,
    "\n  mutation ConsoleDeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...ConsoleUser\n    }\n  }\n": types.ConsoleDeactivateUserDocument,
    "\n  mutation ConsoleReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...ConsoleUser\n    }\n  }\n": types.ConsoleReactivateUserDocument,
    "\n  mutation ConsoleResetUserPassword($id: ID!) {\n    resetUserPassword(id: $id) {\n      password\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.ConsoleResetUserPasswordDocument,
    "\n  query ConsoleArticleForEdit($id: ID!) {\n    node(id: $id) {\n      ... on Article {\n        ...ConsoleArticleFields\n        ...ConsoleArticleApprovals\n      }\n    }\n  }\n": types.ConsoleArticleForEditDocument,
    "\n  query ConsoleArticleView($id: ID!) {\n    node(id: $id) {\n      ... on Article {\n        ...ConsoleArticleFields\n      }\n    }\n  }\n": types.ConsoleArticleViewDocument,
    "\n  fragment ConsoleArticleApprovals on Article {\n    approvals {\n      decision\n      comment\n      decidedAt\n      version\n      decidedBy {\n        id\n        name\n      }\n    }\n  }\n": types.ConsoleArticleApprovalsFragmentDoc,
    "\n  fragment ConsoleArticleFields on Article {\n    id\n    slug\n    title\n    summary\n    body\n    alternateUrl\n    publishAt\n    expireAt\n    publishedAt\n    featured\n    byline\n    articleType\n    pageCount\n    photoCount\n    approvalStatus\n    version\n    viewCount\n    inheritsPermissions\n    createdAt\n    updatedAt\n    createdBy {\n      id\n      name\n    }\n    updatedBy {\n      id\n      name\n    }\n    category {\n      id\n      name\n    }\n    coverImage {\n      ...ConsoleMedia\n    }\n    gallery {\n      ...ConsoleMedia\n    }\n    attachments {\n      ...ConsoleMedia\n    }\n    topics {\n      id\n      name\n    }\n  }\n": types.ConsoleArticleFieldsFragmentDoc,
    "\n  query ConsoleCompare($id: ID!, $from: String!, $to: String!) {\n    node(id: $id) {\n      ... on Article {\n        id\n        compareVersions(from: $from, to: $to) {\n          field\n          before\n          after\n        }\n      }\n    }\n  }\n": types.ConsoleCompareDocument,
    "\n  query ConsoleCategories {\n    categories {\n      id\n      name\n      slug\n      parent {\n        id\n      }\n    }\n  }\n": types.ConsoleCategoriesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        name\n        email\n        role\n      }\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSignOutEverywhere {\n    signOutEverywhere\n  }\n"): typeof import('./graphql').ConsoleSignOutEverywhereDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetArticleTopics($id: ID!, $topicIds: [ID!]!) {\n    setArticleTopics(id: $id, topicIds: $topicIds) {\n      id\n      topics {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleSetArticleTopicsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUploadMedia($file: File!, $description: String) {\n    uploadMedia(file: $file, description: $description) {\n      ...ConsoleMedia\n    }\n  }\n"): typeof import('./graphql').ConsoleUploadMediaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleMedia on Media {\n    id\n    kind\n    url\n    fileName\n    contentType\n    size\n    width\n    height\n    description\n    external\n    embedUrl\n  }\n"): typeof import('./graphql').ConsoleMediaFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddExternalVideo($url: String!, $description: String) {\n    addExternalVideo(url: $url, description: $description) {\n      ...ConsoleMedia\n    }\n  }\n"): typeof import('./graphql').ConsoleAddExternalVideoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').ConsoleChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleApprovalQueue($first: Int!, $after: String) {\n    articles(first: $first, after: $after, filter: { approvalStatus: PENDING }, orderBy: { field: UPDATED_AT, direction: ASC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          version\n          updatedAt\n          byline\n          category {\n            id\n            name\n          }\n          updatedBy {\n            id\n            name\n          }\n          versions(first: 1) {\n            edges {\n              node {\n                label\n                comment\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleApprovalQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleApproveArticle($id: ID!, $comment: String) {\n    approveArticle(id: $id, comment: $comment) {\n      id\n      title\n      approvalStatus\n      version\n      publishedAt\n    }\n  }\n"): typeof import('./graphql').ConsoleApproveArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRejectArticle($id: ID!, $comment: String!) {\n    rejectArticle(id: $id, comment: $comment) {\n      id\n      title\n      approvalStatus\n      version\n    }\n  }\n"): typeof import('./graphql').ConsoleRejectArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleArticles($filter: ArticleFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    articles(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          approvalStatus\n          version\n          featured\n          articleType\n          updatedAt\n          publishedAt\n          viewCount\n          byline\n          category {\n            id\n            name\n          }\n          createdBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleArticlesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAuthors($search: String, $first: Int!) {\n    users(first: $first, filter: { search: $search }) {\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleAuthorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCategoryTree {\n    categories {\n      id\n      name\n      slug\n      description\n      position\n      articleCount\n      parent {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleCategoryTreeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').ConsoleCreateCategoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) {\n      id\n      name\n      slug\n      description\n    }\n  }\n"): typeof import('./graphql').ConsoleUpdateCategoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleMoveCategory($input: MoveCategoryInput!) {\n    moveCategory(input: $input) {\n      id\n      parent {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleMoveCategoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReorderCategories($parentId: ID, $ids: [ID!]!) {\n    reorderCategories(parentId: $parentId, ids: $ids) {\n      id\n      position\n    }\n  }\n"): typeof import('./graphql').ConsoleReorderCategoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteCategory($id: ID!) {\n    deleteCategory(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').ConsoleDeleteCategoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      ...ConsoleArticleFields\n      ...ConsoleArticleApprovals\n    }\n  }\n"): typeof import('./graphql').ConsoleCreateArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      ...ConsoleArticleFields\n      ...ConsoleArticleApprovals\n    }\n  }\n"): typeof import('./graphql').ConsoleUpdateArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSubmitArticle($id: ID!, $comment: String) {\n    submitArticle(id: $id, comment: $comment) {\n      ...ConsoleArticleFields\n      ...ConsoleArticleApprovals\n    }\n  }\n"): typeof import('./graphql').ConsoleSubmitArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHistory($id: ID!) {\n    node(id: $id) {\n      ... on Article {\n        id\n        title\n        version\n        approvalStatus\n        createdBy {\n          id\n        }\n        versions(first: 50) {\n          totalCount\n          edges {\n            node {\n              label\n              isMajor\n              approvalStatus\n              comment\n              createdAt\n              createdBy {\n                id\n                name\n              }\n              changedFields\n              title\n              summary\n              body\n              alternateUrl\n              publishAt\n              expireAt\n              featured\n              byline\n              articleType\n              pageCount\n              photoCount\n              category {\n                id\n                name\n              }\n              coverImage {\n                id\n                fileName\n                url\n              }\n            }\n          }\n        }\n        approvals {\n          decision\n          comment\n          decidedAt\n          version\n          decidedBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRestoreVersion($id: ID!, $version: String!) {\n    restoreArticleVersion(id: $id, version: $version) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql').ConsoleRestoreVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePermissions($id: ID!) {\n    node(id: $id) {\n      ... on Article {\n        id\n        title\n        inheritsPermissions\n        permissions {\n          public\n          grants {\n            role\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsolePermissionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetPermissions($input: SetArticlePermissionsInput!) {\n    setArticlePermissions(input: $input) {\n      id\n      inheritsPermissions\n      permissions {\n        public\n        grants {\n          role\n          user {\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleSetPermissionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRoyaltyReport($month: String!, $byline: String, $categoryId: ID) {\n    royaltyReport(month: $month, byline: $byline, categoryId: $categoryId) {\n      month\n      articleCount\n      points\n      amount\n      unpricedCount\n      csvUrl\n      xlsxUrl\n      rows {\n        ...ConsoleRoyaltyRow\n      }\n      unpriced {\n        ...ConsoleRoyaltyRow\n      }\n      bylines {\n        byline\n        articleCount\n        points\n        amount\n        unpricedCount\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleRoyaltyReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleRoyaltyRow on RoyaltyRow {\n    articleId\n    title\n    byline\n    categoryName\n    firstPublishedAt\n    genre\n    pages\n    photos\n    genrePoints\n    pagePoints\n    photoPoints\n    points\n    amount\n    unpricedReason\n  }\n"): typeof import('./graphql').ConsoleRoyaltyRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRoyaltyScales {\n    royaltyScales {\n      id\n      validFrom\n      inForce\n      note\n      pointValue\n      photoPoints\n      extraPagePoints\n      genres {\n        genre\n        points\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleRoyaltyScalesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetRoyaltyScale($input: SetRoyaltyScaleInput!) {\n    setRoyaltyScale(input: $input) {\n      id\n      validFrom\n    }\n  }\n"): typeof import('./graphql').ConsoleSetRoyaltyScaleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteRoyaltyScale($id: ID!) {\n    deleteRoyaltyScale(id: $id)\n  }\n"): typeof import('./graphql').ConsoleDeleteRoyaltyScaleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSite {\n    site {\n      name\n      responsiblePerson\n      address\n      phone\n      fax\n      email\n    }\n  }\n"): typeof import('./graphql').ConsoleSiteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateSite($input: UpdateSiteInput!) {\n    updateSite(input: $input) {\n      name\n      responsiblePerson\n      address\n      phone\n      fax\n      email\n    }\n  }\n"): typeof import('./graphql').ConsoleUpdateSiteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleStatistics($from: Date!, $to: Date!) {\n    site {\n      statistics {\n        online\n        totalVisits\n        today\n        yesterday\n        thisWeek\n        thisMonth\n        daily(from: $from, to: $to) {\n          date\n          visits\n          uniqueVisitors\n          articleViews\n        }\n        topArticles(first: 10, from: $from, to: $to) {\n          views\n          article {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleStatisticsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleSiteVisitCounts {\n    siteVisitCounts {\n      online\n      today\n      totalVisits\n    }\n  }\n"): typeof import('./graphql').ConsoleSiteVisitCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTopics($search: String, $first: Int, $after: String, $last: Int, $before: String) {\n    topics(search: $search, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          slug\n          description\n          articleCount\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleTopicsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateTopic($input: CreateTopicInput!) {\n    createTopic(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').ConsoleCreateTopicDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateTopic($input: UpdateTopicInput!) {\n    updateTopic(input: $input) {\n      id\n      name\n      slug\n      description\n    }\n  }\n"): typeof import('./graphql').ConsoleUpdateTopicDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteTopic($id: ID!) {\n    deleteTopic(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').ConsoleDeleteTopicDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleUsers($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...ConsoleUser\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleUser on User {\n    id\n    name\n    email\n    role\n    active\n    createdAt\n    deactivatedAt\n  }\n"): typeof import('./graphql').ConsoleUserFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...ConsoleUser\n    }\n  }\n"): typeof import('./graphql').ConsoleCreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleChangeUserRole($id: ID!, $role: Role!) {\n    changeUserRole(id: $id, role: $role) {\n      ...ConsoleUser\n    }\n  }\n"): typeof import('./graphql').ConsoleChangeUserRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...ConsoleUser\n    }\n  }\n"): typeof import('./graphql').ConsoleDeactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...ConsoleUser\n    }\n  }\n"): typeof import('./graphql').ConsoleReactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleResetUserPassword($id: ID!) {\n    resetUserPassword(id: $id) {\n      password\n      user {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleResetUserPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleArticleForEdit($id: ID!) {\n    node(id: $id) {\n      ... on Article {\n        ...ConsoleArticleFields\n        ...ConsoleArticleApprovals\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleArticleForEditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleArticleView($id: ID!) {\n    node(id: $id) {\n      ... on Article {\n        ...ConsoleArticleFields\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleArticleViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleArticleApprovals on Article {\n    approvals {\n      decision\n      comment\n      decidedAt\n      version\n      decidedBy {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleArticleApprovalsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleArticleFields on Article {\n    id\n    slug\n    title\n    summary\n    body\n    alternateUrl\n    publishAt\n    expireAt\n    publishedAt\n    featured\n    byline\n    articleType\n    pageCount\n    photoCount\n    approvalStatus\n    version\n    viewCount\n    inheritsPermissions\n    createdAt\n    updatedAt\n    createdBy {\n      id\n      name\n    }\n    updatedBy {\n      id\n      name\n    }\n    category {\n      id\n      name\n    }\n    coverImage {\n      ...ConsoleMedia\n    }\n    gallery {\n      ...ConsoleMedia\n    }\n    attachments {\n      ...ConsoleMedia\n    }\n    topics {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').ConsoleArticleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCompare($id: ID!, $from: String!, $to: String!) {\n    node(id: $id) {\n      ... on Article {\n        id\n        compareVersions(from: $from, to: $to) {\n          field\n          before\n          after\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleCompareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCategories {\n    categories {\n      id\n      name\n      slug\n      parent {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleCategoriesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
